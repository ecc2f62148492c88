package io.cachewatch.aws;

import io.cachewatch.inventory.Cluster;
import io.cachewatch.inventory.DiscoveryError;
import io.cachewatch.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One discovery pass over one region: runs API calls, turns every failure into a {@link DiscoveryError} instead of an
 * exception (an incomplete region gets no alarm deletes), and collects the clusters it could read.
 */
public final class RegionScan {
    private static final Logger LOG = Logger.getLogger(RegionScan.class);

    private final String region;
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<DiscoveryError> errors = new ArrayList<>();

    public RegionScan(String region) {
        this.region = region;
    }

    /**
     * Reads every item of a paginated listing. Pages are fetched lazily while iterating, so a failure on a later page
     * keeps the items already read and records the error.
     */
    public <T> List<T> list(String operation, Supplier<? extends Iterable<T>> pages) {
        List<T> items = new ArrayList<>();
        try {
            Iterator<T> iterator = pages.get().iterator();
            while (iterator.hasNext()) {
                items.add(iterator.next());
            }
        } catch (RuntimeException e) {
            fail(operation, null, e);
        }
        return items;
    }

    /** Runs one call; empty (and an error recorded) when it fails. */
    public <T> Optional<T> call(String operation, String subject, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            fail(operation, subject, e);
            return Optional.empty();
        }
    }

    /**
     * Adds a cluster whose tags are read by one call. A cluster whose tags cannot be read is left out: its tags decide
     * its alarm profile and opt-out, and the recorded error keeps its existing alarms from being deleted.
     */
    public void addTagged(String tagOperation, String arn, Function<String, Map<String, String>> readTags,
                          Function<Map<String, String>, Cluster> translate) {
        if (arn == null || arn.isBlank()) {
            errors.add(new DiscoveryError(region, tagOperation, "a cluster was listed without an ARN; its tags cannot be read"));
            return;
        }
        call(tagOperation, arn, () -> readTags.apply(arn))
                .flatMap(tags -> call("translate", arn, () -> translate.apply(tags)))
                .ifPresent(clusters::add);
    }

    public void error(String operation, String message) {
        errors.add(new DiscoveryError(region, operation, message));
    }

    public RegionInventory inventory() {
        return new RegionInventory(region, clusters, errors);
    }

    private void fail(String operation, String subject, RuntimeException e) {
        String message = (subject == null ? "" : subject + ": ") + describe(e);
        LOG.warnf("%s %s failed: %s", region, operation, message);
        errors.add(new DiscoveryError(region, operation, message));
    }

    /** AWS errors by code and message (the SDK's message adds request ids and retries); others by type and message. */
    public static String describe(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + aws.statusCode() : code) + (message == null ? "" : ": " + message);
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
