package io.cachewatch.profile;

import java.util.Map;
import java.util.Set;

/** The tree of a parsed expression; {@code eval} returns null when a fact it reads is absent. */
sealed interface ExprNode {
    Double eval(Map<String, Double> facts);

    void collectFacts(Set<String> into);

    default boolean isConstant() {
        Set<String> facts = new java.util.HashSet<>();
        collectFacts(facts);
        return facts.isEmpty();
    }

    record Num(double value) implements ExprNode {
        @Override
        public Double eval(Map<String, Double> facts) {
            return value;
        }

        @Override
        public void collectFacts(Set<String> into) {
        }
    }

    record Fact(String name) implements ExprNode {
        @Override
        public Double eval(Map<String, Double> facts) {
            return facts.get(name);
        }

        @Override
        public void collectFacts(Set<String> into) {
            into.add(name);
        }
    }

    record Neg(ExprNode operand) implements ExprNode {
        @Override
        public Double eval(Map<String, Double> facts) {
            Double v = operand.eval(facts);
            return v == null ? null : -v;
        }

        @Override
        public void collectFacts(Set<String> into) {
            operand.collectFacts(into);
        }
    }

    record Binary(String op, ExprNode left, ExprNode right) implements ExprNode {
        @Override
        public Double eval(Map<String, Double> facts) {
            Double l = left.eval(facts);
            Double r = right.eval(facts);
            if (l == null || r == null) {
                return null;
            }
            return switch (op) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "*" -> l * r;
                case "/" -> l / r;
                case "<" -> bool(l < r);
                case "<=" -> bool(l <= r);
                case ">" -> bool(l > r);
                case ">=" -> bool(l >= r);
                case "==" -> bool(l.doubleValue() == r.doubleValue());
                case "!=" -> bool(l.doubleValue() != r.doubleValue());
                case "and" -> bool(l != 0 && r != 0);
                case "or" -> bool(l != 0 || r != 0);
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        @Override
        public void collectFacts(Set<String> into) {
            left.collectFacts(into);
            right.collectFacts(into);
        }

        private static double bool(boolean b) {
            return b ? 1 : 0;
        }
    }
}
