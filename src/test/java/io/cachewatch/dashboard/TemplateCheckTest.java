package io.cachewatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code validate}'s template check: every template rendered for every sample topology, without AWS. */
class TemplateCheckTest {
    private static final String FLEET = "{\"widgets\": []}";

    private static java.util.List<String> problems(Map<String, String> sources) {
        DashboardTemplates templates = DashboardTemplates.of(sources);
        return TemplateCheck.problems(templates, DashboardFixtures.renderer(templates, DashboardLimits.CLOUDWATCH), DashboardFixtures.ALARMS);
    }

    @Test
    void theShippedTemplatesRenderForEverySampleTopology() {
        DashboardTemplates shipped = DashboardFixtures.TEMPLATES;
        assertThat(TemplateCheck.problems(shipped, DashboardFixtures.renderer(), DashboardFixtures.ALARMS)).isEmpty();
        RenderedRegion region = DashboardFixtures.renderer().forRegion(SampleFleet.region(Map.of()),
                DashboardFixtures.ALARMS.forRegion(SampleFleet.region(Map.of())));
        assertThat(region.dashboards()).extracting(DesiredDashboard::template).containsExactlyInAnyOrder(
                "redis", "redis", "redis", "memcached", "memorydb", "serverless", "fleet");
    }

    @Test
    void aTemplateThatBreaksOnlyForClusterModeIsFoundForTheSampleClusterModeGroup() {
        Map<String, String> sources = new HashMap<>(Map.of("dashboards/fleet.json.qute", FLEET,
                "dashboards/mine.json.qute", "{\n\"widgets\": [\n{#if cluster.clusterMode}{\"type\": \"text\",,}{/if}\n]}\n"));
        assertThat(problems(sources)).hasSize(2).allSatisfy(p -> assertThat(p).contains("dashboards/mine.json.qute",
                "invalid JSON at line 3")).anySatisfy(p -> assertThat(p).startsWith("sample cluster sample-valkey: "))
                .anySatisfy(p -> assertThat(p).startsWith("sample cluster sample-memorydb: "));
    }

    @Test
    void aQuteErrorWhileRenderingNamesTheTemplateFileAndLine() {
        Map<String, String> sources = Map.of("dashboards/fleet.json.qute", FLEET,
                "dashboards/mine.json.qute", "{\"widgets\": [\n{\"type\": \"text\", \"properties\": {\"markdown\": {cluster.nosuch.json}}}\n]}\n");
        assertThat(problems(sources)).isNotEmpty().allSatisfy(p -> assertThat(p).contains("dashboards/mine.json.qute:2:"));
    }

    @Test
    void aSyntaxErrorAndABrokenFleetTemplateAreReportedOnce() {
        Map<String, String> sources = Map.of("dashboards/fleet.json.qute", "{\"widgets\": [}",
                "dashboards/bad.json.qute", "{#for x in y}", "dashboards/redis.json.qute", FLEET);
        assertThat(problems(sources)).satisfiesExactly(
                p -> assertThat(p).startsWith("dashboards/bad.json.qute:1:"),
                p -> assertThat(p).contains("fleet dashboard: dashboards/fleet.json.qute", "invalid JSON at line 1"));
    }
}
