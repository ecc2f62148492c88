package io.cachewatch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.ClusterKind;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.Engine;
import io.cachewatch.inventory.RegionInventory;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RegionScanTest {
    private static Cluster cluster(String id, Map<String, String> tags) {
        return new Cluster(ClusterKind.ELASTICACHE, "eu-west-1", id, "arn:" + id, Engine.REDIS, null, null, null, null,
                false, "available", false, tags, List.of(), null, null);
    }

    private static AwsServiceException throttled() {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded").build()).build();
    }

    @Test
    void aClusterWhoseTagsFailIsLeftOutAndTheRegionIsIncomplete() {
        RegionScan scan = new RegionScan("eu-west-1");
        scan.addTagged("ListTagsForResource", "arn:a", arn -> Map.of("team", "web"), tags -> cluster("a", tags));
        scan.addTagged("ListTagsForResource", "arn:b", arn -> {
            throw throttled();
        }, tags -> cluster("b", tags));

        RegionInventory inventory = scan.inventory();

        assertThat(inventory.clusters()).extracting(Cluster::id).containsExactly("a");
        assertThat(inventory.clusters().get(0).tags()).containsEntry("team", "web");
        assertThat(inventory.complete()).isFalse();
        assertThat(inventory.errors()).containsExactly(
                new DiscoveryError("eu-west-1", "ListTagsForResource", "arn:b: Throttling: Rate exceeded"));
    }

    @Test
    void aClusterWithoutArnCannotBeTaggedAndIsLeftOut() {
        RegionScan scan = new RegionScan("eu-west-1");
        scan.addTagged("ListTags", null, arn -> Map.of(), tags -> cluster("x", tags));
        assertThat(scan.inventory().clusters()).isEmpty();
        assertThat(scan.inventory().errors()).singleElement().extracting(DiscoveryError::operation).isEqualTo("ListTags");
    }

    @Test
    void aFailingLaterPageKeepsWhatWasReadAndRecordsTheError() {
        RegionScan scan = new RegionScan("eu-west-1");
        Iterable<String> pages = () -> new Iterator<>() {
            int served;

            @Override
            public boolean hasNext() {
                if (served == 2) {
                    throw throttled();
                }
                return true;
            }

            @Override
            public String next() {
                if (served == 2) {
                    throw new NoSuchElementException();
                }
                return "item" + served++;
            }
        };

        assertThat(scan.list("DescribeClusters", () -> pages)).containsExactly("item0", "item1");
        assertThat(scan.inventory().errors()).extracting(DiscoveryError::operation).containsExactly("DescribeClusters");
    }

    @Test
    void aFailingTranslationIsRecordedNotThrown() {
        RegionScan scan = new RegionScan("eu-west-1");
        scan.addTagged("ListTags", "arn:odd", arn -> Map.of(), tags -> {
            throw new IllegalArgumentException("unknown engine 'foo'");
        });
        assertThat(scan.inventory().errors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("translate");
            assertThat(e.message()).contains("arn:odd").contains("unknown engine");
        });
    }
}
