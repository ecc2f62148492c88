package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
    private static double eval(String text, Map<String, Double> facts) {
        return Expressions.parse(text).evaluate(facts).orElseThrow();
    }

    private static double eval(String text) {
        return eval(text, Map.of());
    }

    @Test
    void arithmeticWithPrecedenceParenthesesAndUnaryMinus() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9);
        assertThat(eval("10 - 4 - 3")).isEqualTo(3);
        assertThat(eval("2 / 4")).isEqualTo(0.5);
        assertThat(eval("-3 + 1")).isEqualTo(-2);
        assertThat(eval("--2")).isEqualTo(2);
        assertThat(eval("0.8 * 1000")).isEqualTo(800);
        assertThat(eval(".5")).isEqualTo(0.5);
    }

    @Test
    void binaryUnitsAre1024Based() {
        assertThat(eval("1 * KiB")).isEqualTo(1024);
        assertThat(eval("100 * MiB")).isEqualTo(104_857_600);
        assertThat(eval("2 * GiB")).isEqualTo(2_147_483_648.0);
        assertThat(Expressions.parse("100 * MiB").constant()).isTrue();
    }

    @Test
    void comparisonsAndLogicYieldOneOrZero() {
        assertThat(eval("vcpus <= 2", Map.of("vcpus", 2.0))).isEqualTo(1);
        assertThat(eval("vcpus <= 2", Map.of("vcpus", 4.0))).isEqualTo(0);
        assertThat(eval("3 > 2")).isEqualTo(1);
        assertThat(eval("3 >= 4")).isEqualTo(0);
        assertThat(eval("3 < 4")).isEqualTo(1);
        assertThat(eval("3 == 3")).isEqualTo(1);
        assertThat(eval("3 != 3")).isEqualTo(0);
        assertThat(eval("1 < 2 and 2 < 1")).isEqualTo(0);
        assertThat(eval("1 < 2 or 2 < 1")).isEqualTo(1);
        assertThat(eval("shards > 1 and replicas_per_shard >= 1", Map.of("shards", 3.0, "replicas_per_shard", 1.0))).isEqualTo(1);
    }

    @Test
    void factsAreReportedAndAbsentFactsGiveEmpty() {
        Expression e = Expressions.parse("90 / vcpus + nodes * 0");
        assertThat(e.facts()).containsExactlyInAnyOrder("vcpus", "nodes");
        assertThat(e.constant()).isFalse();
        assertThat(e.text()).isEqualTo("90 / vcpus + nodes * 0");
        assertThat(e.evaluate(Map.of("vcpus", 2.0, "nodes", 3.0))).hasValue(45.0);
        assertThat(e.evaluate(Map.of("vcpus", 2.0))).isEmpty();
        assertThat(Expressions.parse("90 / vcpus").evaluate(Map.of("vcpus", 0.0))).isEmpty();
    }

    @Test
    void everyDocumentedFactParses() {
        assertThat(Facts.NAMES).containsExactlyInAnyOrder("vcpus", "memory_bytes", "ecpu_per_second_max", "storage_max_bytes",
                "shards", "replicas_per_shard", "nodes");
        for (String fact : Facts.NAMES) {
            assertThat(Expressions.parse(fact).evaluate(Map.of(fact, 7.0))).hasValue(7.0);
            assertThat(Facts.DESCRIPTIONS.get(fact)).isNotBlank();
        }
    }

    @Test
    void unknownFactNamesItsColumnAndNearestFact() {
        assertThatThrownBy(() -> Expressions.parse("90 / vcpu"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e.getMessage()).isEqualTo("unknown fact 'vcpu' (did you mean 'vcpus'?) at column 6");
                });
    }

    @Test
    void trailingGarbageIsAnError() {
        assertThatThrownBy(() -> Expressions.parse("80 %"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.column()).isEqualTo(4);
                    assertThat(e.reason()).isEqualTo("unexpected '%'");
                });
        assertThatThrownBy(() -> Expressions.parse("80 90"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(4));
    }

    @Test
    void divisionByConstantZeroIsAnError() {
        assertThatThrownBy(() -> Expressions.parse("90 / (2 - 2)"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e.reason()).isEqualTo("division by zero");
                });
    }

    @Test
    void malformedInputsAreErrorsWithColumns() {
        assertThatThrownBy(() -> Expressions.parse("(1 + 2"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.reason()).isEqualTo("missing ')'");
                });
        assertThatThrownBy(() -> Expressions.parse("1 +"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(4));
        assertThatThrownBy(() -> Expressions.parse("  "))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.reason()).isEqualTo("empty expression"));
        assertThatThrownBy(() -> Expressions.parse("1..2"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(1));
    }

    @Test
    void constantsPrintAsWritten() {
        assertThat(Expressions.constant(80).text()).isEqualTo("80");
        assertThat(Expressions.constant(0.5).text()).isEqualTo("0.5");
    }
}
