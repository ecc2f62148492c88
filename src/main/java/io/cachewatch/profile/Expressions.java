package io.cachewatch.profile;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses threshold and condition expressions. Grammar (lowest precedence first):
 * <pre>
 * or      := and ('or' and)*
 * and     := compare ('and' compare)*
 * compare := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') sum)?
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | number | name | '(' or ')'
 * </pre>
 * Names are the facts of {@link Facts#NAMES} or the 1024-based constants {@code KiB}, {@code MiB}, {@code GiB}.
 */
public final class Expressions {
    /** Constants are resolved at parse time so {@code 100 * MiB} stays a constant expression. */
    static final Map<String, Double> CONSTANTS = Map.of("KiB", 1024.0, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024);

    private Expressions() {
    }

    /** Parses {@code text}; throws {@link ExpressionException} with the 1-based column of the first error. */
    public static Expression parse(String text) {
        Parser parser = new Parser(text);
        ExprNode root = parser.parseAll();
        Set<String> facts = new TreeSet<>();
        root.collectFacts(facts);
        return new Parsed(text, root, Set.copyOf(facts));
    }

    /** A constant expression, written as the number. */
    public static Expression constant(double value) {
        String text = value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
        return new Parsed(text, new ExprNode.Num(value), Set.of());
    }

    private record Parsed(String text, ExprNode root, Set<String> facts) implements Expression {
        @Override
        public OptionalDouble evaluate(Map<String, Double> values) {
            Double v = root.eval(values);
            // A fact of zero can still divide by zero at run time: no threshold is better than a NaN one.
            return v == null || !Double.isFinite(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        ExprNode parseAll() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("empty expression", pos);
            }
            ExprNode node = or();
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected '" + text.substring(pos) + "'", pos);
            }
            return node;
        }

        private ExprNode or() {
            ExprNode left = and();
            while (keyword("or")) {
                left = new ExprNode.Binary("or", left, and());
            }
            return left;
        }

        private ExprNode and() {
            ExprNode left = compare();
            while (keyword("and")) {
                left = new ExprNode.Binary("and", left, compare());
            }
            return left;
        }

        private ExprNode compare() {
            ExprNode left = sum();
            for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
                if (symbol(op)) {
                    return new ExprNode.Binary(op, left, sum());
                }
            }
            return left;
        }

        private ExprNode sum() {
            ExprNode left = product();
            while (true) {
                if (symbol("+")) {
                    left = new ExprNode.Binary("+", left, product());
                } else if (symbol("-")) {
                    left = new ExprNode.Binary("-", left, product());
                } else {
                    return left;
                }
            }
        }

        private ExprNode product() {
            ExprNode left = unary();
            while (true) {
                if (symbol("*")) {
                    left = new ExprNode.Binary("*", left, unary());
                } else if (symbol("/")) {
                    skipSpace();
                    int divisorAt = pos;
                    ExprNode divisor = unary();
                    if (divisor.isConstant() && divisor.eval(Map.of()) == 0.0) {
                        throw error("division by zero", divisorAt);
                    }
                    left = new ExprNode.Binary("/", left, divisor);
                } else {
                    return left;
                }
            }
        }

        private ExprNode unary() {
            skipSpace();
            if (symbol("-")) {
                return new ExprNode.Neg(unary());
            }
            if (symbol("(")) {
                ExprNode inner = or();
                if (!symbol(")")) {
                    throw error(pos >= text.length() ? "missing ')'" : "expected ')'", pos);
                }
                return inner;
            }
            if (pos >= text.length()) {
                throw error("unexpected end of expression", pos);
            }
            char c = text.charAt(pos);
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                return name();
            }
            throw error("unexpected '" + c + "'", pos);
        }

        private ExprNode number() {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return new ExprNode.Num(Double.parseDouble(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw error("malformed number '" + text.substring(start, pos) + "'", start);
            }
        }

        private ExprNode name() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (CONSTANTS.containsKey(name)) {
                return new ExprNode.Num(CONSTANTS.get(name));
            }
            if (!Facts.NAMES.contains(name)) {
                String hint = Suggest.hint(name, Facts.NAMES);
                throw error("unknown fact '" + name + "'" + hint, start);
            }
            return new ExprNode.Fact(name);
        }

        private boolean keyword(String word) {
            skipSpace();
            int end = pos + word.length();
            if (text.startsWith(word, pos) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        private boolean symbol(String op) {
            skipSpace();
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private static ExpressionException error(String reason, int index) {
            return new ExpressionException(reason, index + 1);
        }
    }
}
