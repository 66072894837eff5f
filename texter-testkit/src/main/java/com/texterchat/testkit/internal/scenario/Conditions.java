package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The condition kinds the engine runs: {@code filtrex} and {@code compare}. */
final class Conditions {

    /** The kinds, as {@link DocumentRules} accepts them. */
    static final List<String> KINDS = List.of("filtrex", "compare");

    private Conditions() {
    }

    /** Whether a (validated) condition passes for the providers. */
    static boolean test(String kind, JsonNode params, Map<String, JsonNode> providers) {
        return switch (kind) {
            case "filtrex" -> Filtrex.test(params.path("expression").asText(),
                    Values.resolve(params.path("value"), providers));
            case "compare" -> compare(comparison(params.path("comparison").asText()),
                    Values.resolve(params.path("value"), providers),
                    Values.resolve(params.path("compareTo"), providers));
            default -> throw new IllegalStateException("unknown condition kind " + kind);
        };
    }

    /** The comparisons of {@code compare}. */
    enum Comparison { EQUAL, NOT_EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL }

    /** A comparison by its name ({@code Equal}, {@code Not equal}, {@code Greater than or equal}, ...). */
    static @Nullable Comparison comparison(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")) {
            case "equal", "equals", "eq" -> Comparison.EQUAL;
            case "notequal", "notequals", "ne" -> Comparison.NOT_EQUAL;
            case "greaterthan", "greater", "gt" -> Comparison.GREATER;
            case "greaterthanorequal", "greaterthanorequals", "greaterorequal", "gte", "ge" ->
                    Comparison.GREATER_OR_EQUAL;
            case "lessthan", "less", "lt" -> Comparison.LESS;
            case "lessthanorequal", "lessthanorequals", "lessorequal", "lte", "le" -> Comparison.LESS_OR_EQUAL;
            default -> null;
        };
    }

    private static boolean compare(@Nullable Comparison comparison, JsonNode value, JsonNode compareTo) {
        Object left = FiltrexFunctions.plain(value);
        Object right = FiltrexFunctions.plain(compareTo);
        if (comparison == Comparison.EQUAL) {
            return Filtrex.JsArithmetic.same(left, right);
        }
        if (comparison == Comparison.NOT_EQUAL) {
            return !Filtrex.JsArithmetic.same(left, right);
        }
        int order;
        if (left instanceof Number a && right instanceof Number b) {
            if (Double.isNaN(a.doubleValue()) || Double.isNaN(b.doubleValue())) {
                return false;
            }
            order = Filtrex.JsArithmetic.order(a, b);
        } else if (left instanceof String a && right instanceof String b) {
            order = a.compareTo(b);
        } else {
            return false; // missing, null or of different kinds: no order, as JavaScript's comparisons are false
        }
        return switch (comparison) {
            case GREATER -> order > 0;
            case GREATER_OR_EQUAL -> order >= 0;
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            default -> false;
        };
    }
}
