package io.cachewatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything under {@code cachewatch.*}: application.yaml, environment, system properties, quarkus.config.locations. */
@ConfigMapping(prefix = "cachewatch")
public interface CachewatchConfig {
    /** Regions to discover and reconcile; empty means the AWS SDK's default region (AWS_REGION, profile). */
    Optional<List<String>> regions();

    Alarms alarms();

    Profiles profiles();

    Dashboards dashboards();

    @WithName("notify")
    Notify notifications();

    Discovery discovery();

    Safety safety();

    Rates rates();

    Aws aws();

    interface Alarms {
        /** Every managed alarm's name starts with this; alarms without it are never changed or deleted. */
        @WithDefault("cachewatch-")
        String prefix();
    }

    interface Dashboards {
        /** Every managed dashboard's name starts with this (then region, kind, cluster). */
        @WithDefault("cachewatch-")
        String prefix();

        /** Directory of dashboard templates ({@code *.json.qute}, user tags in {@code tags/}). */
        @WithDefault("dashboards")
        String dir();

        /** Linked from every cluster dashboard's text widget. */
        Optional<String> runbookUrl();

        /** Calls/s of each dashboard API (ListDashboards, GetDashboard, PutDashboard, DeleteDashboards; quota: 10 each, per account). */
        @WithDefault("8")
        double rate();
    }

    interface Profiles {
        /** Directory of alarm profile YAML files (the CLI's --profiles overrides it). */
        @WithDefault("alarm-profiles")
        String dir();

        /** Profile for clusters that no tag maps elsewhere. */
        @WithName("default")
        @WithDefault("default")
        String defaultProfile();

        /** Tag whose value selects a profile through {@link #byTagValue()}. */
        @WithDefault("Environment")
        String tagKey();

        /** Tag value → profile name, e.g. {@code production: production}. */
        Map<String, String> byTagValue();
    }

    interface Notify {
        /** Severity → SNS topic ARN for alarm and OK actions. */
        Map<String, String> topics();

        /** Topic for severities without their own. */
        Optional<String> defaultTopic();
    }

    interface Discovery {
        /** Which kinds to discover: elasticache, serverless, memorydb. */
        @WithDefault("elasticache,serverless,memorydb")
        List<String> kinds();

        /** Page size of list calls (the APIs allow at most 100). */
        @WithDefault("100")
        int pageSize();
    }

    interface Safety {
        /** A run that would delete more than this share of a region's managed alarms is refused. */
        @WithDefault("0.25")
        double maxDeleteShare();
    }

    /** Client-side pacing per API per region, below CloudWatch's quotas ("CloudWatch service quotas"). */
    interface Rates {
        /** PutMetricAlarm quota: 3 TPS. */
        @WithDefault("3")
        double putMetricAlarm();

        /** DeleteAlarms quota: 3 TPS. */
        @WithDefault("3")
        double deleteAlarms();

        /** DescribeAlarms quota: 9 TPS. */
        @WithDefault("5")
        double describeAlarms();
    }

    interface Aws {
        /** Attempts per call, throttling included, with the SDK's standard backoff. */
        @WithDefault("8")
        int maxAttempts();
    }
}
