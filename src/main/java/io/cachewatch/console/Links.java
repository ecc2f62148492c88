package io.cachewatch.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into the AWS console and into the status pages. */
public final class Links {
    private Links() {
    }

    /** A CloudWatch alarm in the console (the alarm name, which holds slashes, percent-encoded). */
    public static String alarm(String region, String name) {
        return cloudWatch(region) + "#alarmsV2:alarm/" + segment(name);
    }

    /** A CloudWatch dashboard in the console (dashboards are global; the region only picks the console's). */
    public static String dashboard(String region, String name) {
        return cloudWatch(region) + "#dashboards/dashboard/" + segment(name);
    }

    /** The cluster's page in the ElastiCache or MemoryDB console. */
    public static String cluster(String region, String kind, String engine, String id) {
        String home = "https://" + region + ".console.aws.amazon.com/";
        return switch (kind) {
            case "memorydb" -> home + "memorydb/home?region=" + region + "#/clusters/" + segment(id);
            case "serverless" -> home + "elasticache/home?region=" + region + "#/serverless/" + segment(id);
            default -> home + "elasticache/home?region=" + region + "#/" + engine + "/" + segment(id);
        };
    }

    private static String cloudWatch(String region) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region;
    }

    /** One path segment, percent-encoded (spaces as %20, not +). */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
