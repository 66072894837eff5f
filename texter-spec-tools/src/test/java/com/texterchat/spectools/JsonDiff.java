package com.texterchat.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/** The JSON pointer of the first place two documents differ, so a failed comparison names it. */
final class JsonDiff {

    private JsonDiff() {
    }

    static Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
        return first(expected, actual, "");
    }

    private static Optional<String> first(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!expected.has(key) || !actual.has(key)) {
                    return Optional.of(child + (expected.has(key) ? " (missing)" : " (unexpected)"));
                }
                Optional<String> inner = first(expected.get(key), actual.get(key), child);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                Optional<String> inner = first(e, a.next(), pointer + "/" + i++);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty() : Optional.of(pointer + " (differs)");
    }

}
