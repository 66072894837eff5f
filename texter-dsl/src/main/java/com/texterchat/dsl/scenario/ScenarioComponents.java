package com.texterchat.dsl.scenario;

import com.texterchat.model.ScenarioComponent;
import com.texterchat.model.ScenarioLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ready-made conditions, actions and loaders of the kinds Texter's webhook templates use. Any other component
 * is made with {@link #component} / {@link #loader}; the names and parameters Texter accepts are listed by the
 * List Components endpoints.
 */
public final class ScenarioComponents {

    private ScenarioComponents() {
    }

    /** How a {@link #compare} condition compares its value with {@code compareTo}. */
    public enum Comparison {
        /** The value equals {@code compareTo}. */
        EQUAL("Equal"),
        /** The value differs from {@code compareTo}. */
        NOT_EQUAL("Not equal"),
        /** The value is greater than {@code compareTo}. */
        GREATER_THAN("Greater than");

        private final String label;

        Comparison(String label) {
            this.label = label;
        }

        /** The label Texter expects in {@code params.comparison}, e.g. {@code "Not equal"}. */
        public String label() {
            return label;
        }
    }

    /** A component (condition or action) {@code name} with {@code params}, not confidential. */
    public static ScenarioComponent component(String name, Map<String, ?> params) {
        return new ScenarioComponent().name(name).params(new LinkedHashMap<>(params)).confidentialData(false);
    }

    /** A loader {@code name} whose data is available under the provider {@code alias}, not confidential. */
    public static ScenarioLoader loader(String name, String alias, Map<String, ?> params) {
        return new ScenarioLoader().name(name).alias(alias).params(new LinkedHashMap<>(params)).confidentialData(false);
    }

    /**
     * A {@code filtrex} condition: {@code expression} (e.g. {@code direction == "incoming"},
     * {@code exists(agent.uid)}, {@code inArray(addedLabels, "vip")}) evaluated over {@code value}.
     *
     * @param value what the expression sees: usually a {@link ScenarioValues#provide} injection, an
     *     {@link ScenarioValues#interpolate} string, or an object of them
     */
    public static ScenarioComponent filtrex(String expression, Object value) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", expression);
        params.put("value", value);
        return component("filtrex", params);
    }

    /** A {@code compare} condition: {@code value} (usually injected) compared with the literal {@code compareTo}. */
    public static ScenarioComponent compare(Comparison comparison, Object compareTo, Object value) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("comparison", comparison.label());
        params.put("compareTo", compareTo);
        params.put("value", value);
        return component("compare", params);
    }

    /**
     * A {@code request} action that POSTs {@code data} as JSON to {@code url}: the action behind every webhook.
     *
     * @param url an absolute http(s) URL; it may hold {@code %provider:key%} placeholders
     * @param data the JSON body, e.g. {@code {"eventName": ..., "eventData": {...}}}
     */
    public static ScenarioComponent request(String url, Map<String, ?> data) {
        return request(url, "post", data, null);
    }

    /**
     * A {@code request} action with any method ({@code post}, {@code patch}, ...) and optional headers.
     *
     * @param headers extra HTTP headers, e.g. a shared secret your endpoint checks; {@code null} for none
     */
    public static ScenarioComponent request(String url, String method, Map<String, ?> data,
            @Nullable Map<String, String> headers) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url);
        params.put("method", method);
        params.put("json", true);
        params.put("data", new LinkedHashMap<>(data));
        if (headers != null) {
            params.put("headers", new LinkedHashMap<>(headers));
        }
        return component("request", params);
    }
}
