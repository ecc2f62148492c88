package io.cachewatch.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.Engine;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {
    @Test
    void metricsFollowKindEngineAndScope() {
        assertThat(MetricCatalog.publishes(ClusterKind.ELASTICACHE, Engine.REDIS, Scope.NODE, "EngineCPUUtilization")).isTrue();
        assertThat(MetricCatalog.publishes(ClusterKind.ELASTICACHE, Engine.VALKEY, Scope.NODE, "ReplicationLag")).isTrue();
        assertThat(MetricCatalog.publishes(ClusterKind.ELASTICACHE, Engine.MEMCACHED, Scope.NODE, "DatabaseMemoryUsagePercentage")).isFalse();
        assertThat(MetricCatalog.publishes(ClusterKind.ELASTICACHE, Engine.MEMCACHED, Scope.NODE, "SwapUsage")).isTrue();
        assertThat(MetricCatalog.publishes(ClusterKind.SERVERLESS, Engine.VALKEY, Scope.CLUSTER, "ElastiCacheProcessingUnits")).isTrue();
        assertThat(MetricCatalog.publishes(ClusterKind.SERVERLESS, Engine.VALKEY, Scope.CLUSTER, "ReplicationLag")).isFalse();
        assertThat(MetricCatalog.publishes(ClusterKind.SERVERLESS, Engine.VALKEY, Scope.NODE, "CurrConnections")).isFalse();
        assertThat(MetricCatalog.publishes(ClusterKind.MEMORYDB, Engine.REDIS, Scope.NODE, "ElastiCacheProcessingUnits")).isFalse();
        assertThat(MetricCatalog.publishes(ClusterKind.MEMORYDB, Engine.VALKEY, Scope.NODE, "BytesUsedForMemoryDB")).isTrue();
        assertThat(MetricCatalog.exists(ClusterKind.MEMORYDB, Engine.MEMCACHED, Scope.NODE)).isFalse();
    }

    @Test
    void namespacesAndRanges() {
        assertThat(MetricCatalog.namespaceMetrics("AWS/MemoryDB")).contains("EngineCPUUtilization").doesNotContain("ThrottledCmds", "BytesUsedForCache");
        assertThat(MetricCatalog.namespaceMetrics("AWS/ElastiCache")).contains("ThrottledCmds", "BytesUsedForCacheItems");
        assertThat(MetricCatalog.definition("DatabaseMemoryUsagePercentage")).hasValueSatisfying(d -> assertThat(d.max()).isEqualTo(100));
        assertThat(MetricCatalog.definition("Evictions")).hasValueSatisfying(d -> {
            assertThat(d.percent()).isFalse();
            assertThat(d.nonNegative()).isTrue();
        });
        assertThat(MetricCatalog.definition("NoSuchMetric")).isEmpty();
    }
}
