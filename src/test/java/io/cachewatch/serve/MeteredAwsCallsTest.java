package io.cachewatch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.testing.IamPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeteredAwsCallsTest {
    /** The operations whose call and throttle counters start at zero are operations cachewatch is allowed to call. */
    @Test
    void theOperationsRegisteredAtZeroAreGrantedByThePolicy() throws Exception {
        List<String> operations = new ArrayList<>(MeteredAwsCalls.RECONCILE_OPERATIONS);
        operations.addAll(MeteredAwsCalls.SLOWLOG_OPERATIONS);
        operations.add(MeteredAwsCalls.ASSUME_ROLE);
        Set<String> granted = IamPolicy.actions(Path.of("deploy/iam-policy.json"));
        assertThat(IamPolicy.missing(operations, granted)).isEmpty();
    }
}
