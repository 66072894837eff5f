package com.texterchat.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.jspecify.annotations.Nullable;

/**
 * Texter's {@code filtrex} conditions, evaluated with Apache Commons JEXL.
 *
 * <p>Filtrex and JEXL share most of their syntax ({@code and or not}, {@code == != < > <= >=}, {@code + - * / %},
 * {@code ? :}, parentheses, number and double-quoted string literals), so an expression is translated token by
 * token and then parsed, checked and run by JEXL. The translation covers filtrex's differences: a property path
 * ({@code agent.uid}, or filtrex's {@code 'quoted name'}) becomes a lookup in the condition's value, where a
 * missing property is {@code null} rather than an error (so {@code exists(agent.uid)} is false); {@code x in (a,
 * b)} and {@code x not in (a, b)} become JEXL's {@code =~}/{@code !~} with a list; {@code not} becomes {@code !};
 * functions ({@code exists}, {@code empty}, {@code inArray} from Texter, and filtrex's {@code abs ceil floor log
 * max min round sqrt}) are the only calls it lets through. {@code ==} compares like JavaScript's {@code ===}
 * (numbers by value, no string-to-number coercion), and {@code and}, {@code or}, {@code not} and the result test
 * values the way JavaScript does (0, "", null are false).
 *
 * <p>Not supported (refused as malformed): filtrex's power operator {@code ^}. Filtrex's {@code in} binds a
 * little looser than {@code ==}; JEXL's {@code =~} binds like it; no document of Texter's mixes them.
 */
final class Filtrex {

    /** The functions an expression may call. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("exists", "exists"),
            Map.entry("empty", "isEmpty"), Map.entry("inArray", "inArray"), Map.entry("abs", "abs"),
            Map.entry("ceil", "ceil"), Map.entry("floor", "floor"), Map.entry("log", "log"), Map.entry("max", "max"),
            Map.entry("min", "min"), Map.entry("round", "round"), Map.entry("sqrt", "sqrt"));
    /** The words of filtrex's operators. */
    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "in", "mod");
    private static final String NS = "tx";

    private static final JexlEngine JEXL = new JexlBuilder()
            .arithmetic(new JsArithmetic())
            .permissions(new JexlPermissions.ClassPermissions(JexlPermissions.RESTRICTED,
                    List.of(FiltrexFunctions.class.getName())))
            .features(new JexlFeatures()
                    .sideEffect(false)
                    .sideEffectGlobal(false)
                    .loops(false)
                    .lambda(false)
                    .newInstance(false)
                    .script(false)
                    .pragma(false)
                    .annotation(false)
                    .localVar(false)
                    .register(false))
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(512)
            .create();

    /** Translated and parsed expressions, by their filtrex text (documents repeat the same few). */
    private static final ConcurrentMap<String, JexlExpression> PARSED = new ConcurrentHashMap<>();

    private Filtrex() {
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException when it is not a filtrex expression the simulator can run
     */
    static JexlExpression parse(String expression) {
        JexlExpression parsed = PARSED.get(expression);
        if (parsed != null) {
            return parsed;
        }
        String jexl = translate(expression);
        try {
            parsed = JEXL.createExpression(jexl);
        } catch (JexlException e) {
            throw new IllegalArgumentException("malformed filtrex expression " + quoted(expression) + " ("
                    + e.getMessage().replaceFirst("^.*?@\\d+:\\d+ ", "") + ")", e);
        }
        if (PARSED.size() < 4096) {
            PARSED.put(expression, parsed);
        }
        return parsed;
    }

    /** Evaluates an expression over a value (an object whose fields are the expression's names). */
    static boolean test(String expression, JsonNode value) {
        try {
            return JsArithmetic.truthy(evaluate(expression, value));
        } catch (JexlException e) {
            // a runtime failure (e.g. arithmetic on a list) is a false condition in Texter, not a broken run
            return false;
        }
    }

    /** The value of an expression over a value; throws JEXL's exception when the evaluation fails. */
    static @Nullable Object evaluate(String expression, JsonNode value) {
        return parse(expression).evaluate(new Context(value));
    }

    /** Filtrex to JEXL, token by token. */
    static String translate(String expression) {
        List<Token> tokens = tokenize(expression);
        StringBuilder out = new StringBuilder();
        // for each open parenthesis: whether it opened an "in" list, which closes with "]"
        List<Boolean> parens = new ArrayList<>();
        boolean afterOperand = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean startsOperand = t.startsOperand();
            if (afterOperand && startsOperand) {
                throw malformed(expression, "an operator is missing before " + quoted(t.text));
            }
            afterOperand = t.endsOperand(next);
            switch (t.kind) {
                case NUMBER -> out.append(t.text);
                case STRING -> out.append(jexlString(t.text));
                case NAME -> {
                    String word = t.text;
                    switch (word) {
                        case "and", "or" -> out.append(' ').append(word).append(' ');
                        case "true", "false" -> out.append(word);
                        case "mod" -> out.append(" % ");
                        case "not" -> {
                            if (next != null && next.kind == Kind.NAME && next.text.equals("in")) {
                                i++;
                                i = openList(tokens, i, expression, out.append(" !~ "), parens);
                            } else {
                                out.append('!');
                            }
                        }
                        case "in" -> i = openList(tokens, i, expression, out.append(" =~ "), parens);
                        default -> {
                            if (next != null && next.kind == Kind.OPEN) {
                                if (!FUNCTIONS.containsKey(word)) {
                                    throw malformed(expression, "unknown function " + word + "(); the simulator"
                                            + " knows " + String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()));
                                }
                                out.append(NS).append(':').append(FUNCTIONS.get(word));
                            } else {
                                property(List.of(word.split("\\.", -1)), out);
                            }
                        }
                    }
                }
                case QUOTED_NAME -> property(List.of(t.text), out);
                case OPEN -> {
                    parens.add(false);
                    out.append('(');
                }
                case CLOSE -> {
                    if (parens.isEmpty()) {
                        throw malformed(expression, "unbalanced )");
                    }
                    out.append(parens.remove(parens.size() - 1) ? ']' : ')');
                }
                case OPERATOR -> out.append(' ').append(t.text).append(' ');
            }
        }
        if (!parens.isEmpty()) {
            throw malformed(expression, "unbalanced (");
        }
        return out.toString();
    }

    /** After {@code in}: the {@code (} that starts its list, written as {@code [}. */
    private static int openList(List<Token> tokens, int in, String expression, StringBuilder out,
            List<Boolean> parens) {
        if (in + 1 >= tokens.size() || tokens.get(in + 1).kind != Kind.OPEN) {
            throw malformed(expression, "\"in\" needs a list in parentheses, as in: x in (1, 2)");
        }
        parens.add(true);
        out.append('[');
        return in + 1;
    }

    private static void property(List<String> path, StringBuilder out) {
        out.append(NS).append(":p(");
        for (int i = 0; i < path.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(jexlString(path.get(i)));
        }
        out.append(')');
    }

    private static String jexlString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '$' || c == '`') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private enum Kind { NUMBER, STRING, NAME, QUOTED_NAME, OPEN, CLOSE, OPERATOR }

    private record Token(Kind kind, String text) {

        /** Whether the token begins a value (a literal, a name, a call, a parenthesis). */
        boolean startsOperand() {
            return switch (kind) {
                case NUMBER, STRING, QUOTED_NAME, OPEN -> true;
                case NAME -> !OPERATOR_WORDS.contains(text);
                default -> false;
            };
        }

        /** Whether the token ends a value; a function's name does not (its arguments follow). */
        boolean endsOperand(@Nullable Token next) {
            return switch (kind) {
                case NUMBER, STRING, QUOTED_NAME, CLOSE -> true;
                case NAME -> !OPERATOR_WORDS.contains(text) && (next == null || next.kind != Kind.OPEN);
                default -> false;
            };
        }
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
                    i++;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int exp = i + 1;
                    if (exp < s.length() && (s.charAt(exp) == '+' || s.charAt(exp) == '-')) {
                        exp++;
                    }
                    if (exp < s.length() && Character.isDigit(s.charAt(exp))) {
                        i = exp;
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                if (i < s.length() && isNameChar(s.charAt(i))) {
                    throw malformed(s, "a number runs into a name at position " + i);
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(start, i)));
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < s.length()) {
                    char d = s.charAt(j);
                    if (d == '\\' && j + 1 < s.length()) {
                        char e = s.charAt(j + 1);
                        text.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                        j += 2;
                    } else if (d == c) {
                        closed = true;
                        j++;
                        break;
                    } else {
                        text.append(d);
                        j++;
                    }
                }
                if (!closed) {
                    throw malformed(s, "unterminated " + (c == '"' ? "string" : "quoted name") + " at position " + i);
                }
                tokens.add(new Token(c == '"' ? Kind.STRING : Kind.QUOTED_NAME, text.toString()));
                i = j;
            } else if (isNameStart(c)) {
                int start = i;
                while (i < s.length() && (isNameChar(s.charAt(i)) || s.charAt(i) == '.' && i + 1 < s.length()
                        && isNameStart(s.charAt(i + 1)))) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, s.substring(start, i)));
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
                    tokens.add(new Token(Kind.OPERATOR, two));
                    i += 2;
                } else if ("<>+-*/%?:,".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
                    i++;
                } else if (c == '^') {
                    throw unsupported(s, "the power operator ^ is not supported by the simulator");
                } else {
                    throw malformed(s, "unexpected " + quoted(String.valueOf(c)) + " at position " + i
                            + (c == '=' ? " (equality is ==)" : c == '&' || c == '|' || c == '!'
                                    ? " (filtrex writes and, or, not)" : ""));
                }
            }
        }
        if (tokens.isEmpty()) {
            throw malformed(s, "it is empty");
        }
        return tokens;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Valid filtrex, maybe, but beyond what the simulator evaluates: the document is imported, not run. */
    private static IllegalArgumentException unsupported(String expression, String why) {
        return new UnsupportedByEngine("filtrex expression " + quoted(expression) + " cannot be evaluated by the simulator: "
                + why);
    }

    private static IllegalArgumentException malformed(String expression, String why) {
        return new IllegalArgumentException("malformed filtrex expression " + quoted(expression) + ": " + why);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    /** The evaluation context: no variables, one namespace (the functions, bound to the condition's value). */
    private static final class Context implements JexlContext, JexlContext.NamespaceResolver {

        private final FiltrexFunctions functions;

        Context(JsonNode value) {
            this.functions = new FiltrexFunctions(value);
        }

        @Override
        public @Nullable Object get(String name) {
            return null;
        }

        @Override
        public void set(String name, @Nullable Object value) {
            throw new UnsupportedOperationException("filtrex expressions cannot assign");
        }

        @Override
        public boolean has(String name) {
            return false;
        }

        @Override
        public @Nullable Object resolveNamespace(String name) {
            return NS.equals(name) ? functions : null;
        }
    }

    /** JEXL arithmetic with JavaScript's truthiness and a strict {@code ==} (numbers by value). */
    static final class JsArithmetic extends JexlArithmetic {

        JsArithmetic() {
            super(false);
        }

        static boolean truthy(@Nullable Object x) {
            if (x == null) {
                return false;
            }
            if (x instanceof Boolean b) {
                return b;
            }
            if (x instanceof Number n) {
                double d = n.doubleValue();
                return d != 0 && !Double.isNaN(d);
            }
            if (x instanceof String s) {
                return !s.isEmpty();
            }
            return true;
        }

        static boolean same(@Nullable Object left, @Nullable Object right) {
            if (left == null || right == null) {
                return left == right;
            }
            if (left instanceof Number a && right instanceof Number b) {
                return order(a, b) == 0 && !Double.isNaN(a.doubleValue());
            }
            if (left instanceof List<?> a && right instanceof List<?> b) {
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!same(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return Objects.equals(left, right);
        }

        /** Orders two numbers by value (exactly, unless one is not finite). */
        static int order(Number a, Number b) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
            } catch (NumberFormatException e) {
                return Double.compare(a.doubleValue(), b.doubleValue());
            }
        }

        static boolean holds(@Nullable Object container, @Nullable Object value) {
            if (container != null && container.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(container); i++) {
                    if (same(Array.get(container, i), value)) {
                        return true;
                    }
                }
                return false;
            }
            if (container instanceof Collection<?> items) {
                for (Object item : items) {
                    if (same(item, value)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public boolean toBoolean(@Nullable Object val) {
            return truthy(val);
        }

        @Override
        protected boolean toBoolean(boolean strict, @Nullable Object val) {
            return truthy(val);
        }

        @Override
        public boolean testPredicate(@Nullable Object object) {
            return truthy(object);
        }

        @Override
        public boolean equals(@Nullable Object left, @Nullable Object right) {
            return same(left, right);
        }

        @Override
        public Boolean contains(@Nullable Object container, @Nullable Object value) {
            return holds(container, value);
        }
    }
}
