package io.cachewatch.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlarmDescriptionTest {
    @Test
    void theOwnerSurvivesARoundTrip() {
        AlarmOwner owner = new AlarmOwner("eu-west-1", "orders", "orders-001/0001", "cpu-high", "production");
        String text = AlarmDescription.render(owner, "Engine CPU above 80 %.");
        assertThat(text).startsWith("Engine CPU above 80 %.\n")
                .contains("node orders-001/0001 of cluster orders")
                .contains("hand edits are reverted");
        assertThat(AlarmDescription.parse(text)).isEqualTo(owner);
    }

    @Test
    void theTextIsExactlyWhatEarlierVersionsWrote() {
        // alarms already in CloudWatch carry this text: any change to it shows every managed alarm as drifted
        assertThat(AlarmDescription.render(new AlarmOwner("eu-west-1", "orders", "orders-001/0001", "cpu-high", "production"),
                " Engine CPU above 80 %. ")).isEqualTo("""
                Engine CPU above 80 %.
                Rule cpu-high (profile production) on node orders-001/0001 of cluster orders. Managed by cachewatch: \
                hand edits are reverted on the next reconcile.
                [cachewatch region=eu-west-1 kind=elasticache cluster=orders node=orders-001/0001 rule=cpu-high profile=production]""");
        assertThat(AlarmDescription.render(new AlarmOwner("us-east-1", "sessions", null, "ecpu-high", "default"), null))
                .isEqualTo("""
                Rule ecpu-high (profile default) on cluster sessions. Managed by cachewatch: hand edits are reverted on \
                the next reconcile.
                [cachewatch region=us-east-1 kind=elasticache cluster=sessions node=- rule=ecpu-high profile=default]""");
    }

    @Test
    void clusterLevelOwnersHaveNoNode() {
        AlarmOwner owner = new AlarmOwner("us-east-1", "sessions", null, "ecpu-high", "default");
        assertThat(AlarmDescription.parse(AlarmDescription.render(owner, null))).isEqualTo(owner);
    }

    @Test
    void longRuleDescriptionsAreCutToCloudWatchsLimitKeepingTheTrailer() {
        AlarmOwner owner = new AlarmOwner("us-east-1", "c", "n", "r", "p");
        String text = AlarmDescription.render(owner, "x".repeat(5000));
        assertThat(text).hasSize(AlarmDescription.MAX_LENGTH).startsWith("xxx").contains("x…\nRule r (profile p) on node n");
        assertThat(AlarmDescription.parse(text)).isEqualTo(owner);
        String fits = "y".repeat(AlarmDescription.MAX_LENGTH - AlarmDescription.render(owner, null).length() - 1);
        assertThat(AlarmDescription.render(owner, fits)).hasSize(AlarmDescription.MAX_LENGTH).startsWith(fits + "\nRule r");
        assertThat(AlarmDescription.render(owner, fits + "y")).hasSize(AlarmDescription.MAX_LENGTH).contains("y…\nRule r");
    }

    @Test
    void descriptionsWithoutTrailerHaveNoOwner() {
        assertThat(AlarmDescription.parse("made by hand")).isNull();
        assertThat(AlarmDescription.parse(null)).isNull();
    }

    /** Rendering from a rule's and a cluster's shared parts gives exactly the text of rendering it whole. */
    @net.jqwik.api.Property
    void sharedPartsRenderTheSameText(@net.jqwik.api.ForAll @net.jqwik.api.constraints.AlphaChars @net.jqwik.api.constraints.NotBlank String cluster,
                                      @net.jqwik.api.ForAll("nodes") String node,
                                      @net.jqwik.api.ForAll @net.jqwik.api.constraints.AlphaChars @net.jqwik.api.constraints.NotBlank String rule,
                                      @net.jqwik.api.ForAll("descriptions") String description) {
        AlarmOwner owner = new AlarmOwner("eu-west-1", "cachecluster", cluster, node, rule, "production");
        String parts = AlarmDescription.render(AlarmDescription.ruleText(rule, "production", description),
                AlarmDescription.clusterText("eu-west-1", "cachecluster", cluster), owner);
        assertThat(parts).isEqualTo(AlarmDescription.render(owner, description));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> nodes() {
        return net.jqwik.api.Arbitraries.strings().alpha().numeric().withChars('/', '-').ofMinLength(1).ofMaxLength(300).injectNull(0.3);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> descriptions() {
        return net.jqwik.api.Arbitraries.strings().all().ofMaxLength(1100).injectNull(0.2)
                .edgeCases(e -> e.add("  ").add(" Engine CPU above 80 %. ").add("x".repeat(828)).add("x".repeat(829)));
    }
}
