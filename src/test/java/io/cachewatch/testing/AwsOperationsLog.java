package io.cachewatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every AWS operation ("Service.Operation") the packaged jar called during the integration tests, as it reported
 * them itself: {@code apiCalls} of the JSON reports of reconcile and slowlog and {@code cachewatch_aws_calls_total} of serve's metrics.
 * The file starts empty in each test JVM; {@code IamPolicyIT} (ordered last) checks it against deploy/iam-policy.json.
 */
public final class AwsOperationsLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METRIC = Pattern.compile(
            "^cachewatch_aws_calls_total\\{([^}]*)\\}", Pattern.MULTILINE);
    private static boolean truncated;

    private AwsOperationsLog() {
    }

    public static Path file() {
        return Path.of(System.getProperty("cachewatch.aws-operations.file", "target/aws-operations.txt"));
    }

    public static synchronized void record(Collection<String> operations) {
        try {
            Path file = file();
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!truncated) {
                Files.deleteIfExists(file);
                truncated = true;
            }
            Files.write(file, operations, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records {@code apiCalls} when the text is a JSON report (reconcile, slowlog); ignores anything else. */
    public static void fromReport(String stdout) {
        if (!stdout.trim().startsWith("{")) {
            return;
        }
        try {
            JsonNode calls = JSON.readTree(stdout).get("apiCalls");
            if (calls != null) {
                List<String> ops = new java.util.ArrayList<>();
                calls.fieldNames().forEachRemaining(ops::add);
                record(ops);
            }
        } catch (IOException notJson) {
            // not a report
        }
    }

    /** Records the operations of serve's {@code cachewatch_aws_calls_total} series. */
    public static Set<String> fromMetrics(String prometheus) {
        Set<String> ops = new TreeSet<>();
        Matcher m = METRIC.matcher(prometheus);
        while (m.find()) {
            String labels = m.group(1);
            ops.add(label(labels, "service") + "." + label(labels, "operation"));
        }
        record(ops);
        return ops;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "?";
    }

    public static Set<String> read() throws IOException {
        Set<String> all = new TreeSet<>(Files.readAllLines(file()));
        all.remove("");
        return all;
    }

}
