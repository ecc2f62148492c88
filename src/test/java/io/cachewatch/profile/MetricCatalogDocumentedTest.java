package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric AWS documents for a kind of resource is in the catalog, so {@code validate} never rejects a real metric.
 * The documented lists, with their source pages and retrieval date, are in {@code aws-documented-metrics.txt}.
 */
class MetricCatalogDocumentedTest {
    /** "[kind engine engine]" → metrics of that section, in file order. */
    private static Map<String, List<String>> documented() throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        try (InputStream in = MetricCatalogDocumentedTest.class.getResourceAsStream("/aws-documented-metrics.txt")) {
            List<String> current = null;
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                } else {
                    current.add(line);
                }
            }
        }
        return sections;
    }

    @Test
    void theCatalogHasEveryMetricAwsDocumentsForEachKindAndEngine() throws IOException {
        Map<String, List<String>> sections = documented();
        assertThat(sections.keySet()).containsExactlyInAnyOrder("elasticache redis valkey", "elasticache memcached",
                "serverless memcached", "serverless redis valkey", "memorydb redis valkey");
        Map<String, TreeSet<String>> missing = new LinkedHashMap<>();
        sections.forEach((section, metrics) -> {
            String[] words = section.split(" ");
            ClusterKind kind = ClusterKind.fromId(words[0]);
            Scope scope = kind == ClusterKind.SERVERLESS ? Scope.CLUSTER : Scope.NODE;
            for (int i = 1; i < words.length; i++) {
                Engine engine = Engine.fromId(words[i]);
                for (String metric : metrics) {
                    if (!MetricCatalog.publishes(kind, engine, scope, metric)) {
                        missing.computeIfAbsent(kind.id() + "/" + engine.id(), k -> new TreeSet<>()).add(metric);
                    }
                }
            }
        });
        assertThat(missing).as("documented by AWS but missing from MetricCatalog").isEmpty();
    }

    @Test
    void theMetricsValidateRejectedAreKnown() {
        assertThat(MetricCatalog.publishes(ClusterKind.ELASTICACHE, Engine.VALKEY, Scope.NODE, "ChannelAuthorizationFailures")).isTrue();
        assertThat(MetricCatalog.publishes(ClusterKind.ELASTICACHE, Engine.REDIS, Scope.NODE, "MasterLinkHealthStatus")).isTrue();
    }
}
