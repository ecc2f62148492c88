package io.cachewatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
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

    Slowlog slowlog();

    Audit audit();

    /**
     * Accounts and regions to follow, each with its own credentials; when absent, one target named "default" with
     * {@link #regions()} and the SDK's default credentials.
     */
    Optional<List<Target>> targets();

    Serve serve();

    State state();

    /** Where serve keeps its state between polls, restarts and tasks (checked at start by {@link StateSettings}). */
    interface State {
        /** {@code file} (the slow-log state files: one process) or {@code dynamodb} (one table shared by serve's tasks). */
        @WithDefault("file")
        String store();

        /** The DynamoDB table (pk S, sk S); required with {@code store=dynamodb}. */
        Optional<String> table();

        /** The table's region; absent: the first region of serve's first target. */
        Optional<String> region();
    }

    interface Target {
        /** Shown in status, health and metrics. */
        String name();

        List<String> regions();

        /** Role to assume with STS for this target; absent means the process's own credentials. */
        Optional<String> roleArn();

        Optional<String> externalId();

        /**
         * DurationSeconds of each AssumeRole session: 15 min to 12 h, and at most the role's maximum session
         * duration (1 h unless raised on the role), else STS refuses ("AssumeRole", IAM User Guide).
         */
        @WithDefault("1h")
        @WithConverter(LenientNumbers.Span.class)
        Duration sessionDuration();

        /** A session is renewed once less than this remains (the SDK's default prefetch time). */
        @WithDefault("5m")
        @WithConverter(LenientNumbers.Span.class)
        Duration refreshBefore();
    }

    /** The long-running {@code serve} command. */
    interface Serve {
        @WithDefault("5m")
        @WithConverter(LenientNumbers.Span.class)
        Duration reconcileInterval();

        /** Delay of the first reconcile after start. */
        @WithDefault("2s")
        @WithConverter(LenientNumbers.Span.class)
        Duration firstRunDelay();

        /** On SIGTERM, how long an in-flight run may take to stop after its current AWS call. */
        @WithDefault("20s")
        @WithConverter(LenientNumbers.Span.class)
        Duration stopTimeout();

        /**
         * Readiness goes down when a target's discovery has been failing for longer than this, and up again at its next
         * successful discovery; shorter outages (one failed run) leave it up.
         */
        @WithDefault("15m")
        @WithConverter(LenientNumbers.Span.class)
        Duration readinessGrace();

        /** Slow-log reads of every target, every {@code cachewatch.slowlog.interval}, with the {@code cachewatch.slowlog.*} settings. */
        SlowlogReads slowlog();

        interface SlowlogReads {
            @WithDefault("true")
            @WithConverter(LenientNumbers.Flag.class)
            boolean enabled();
        }

        /** The audit of every target, every {@code cachewatch.audit.interval}, with notify on. */
        AuditRuns audit();

        interface AuditRuns {
            @WithDefault("true")
            boolean enabled();
        }
    }

    /** The golden-rules audit: {@code cachewatch audit} and the audits under {@code serve}. */
    interface Audit {
        /**
         * How far back the usage checks read CloudWatch metrics: 7 days (the least history a usage verdict needs) to 455
         * days (CloudWatch keeps hourly datapoints for 455 days, GetMetricData API Reference).
         */
        @WithDefault("14d")
        @WithConverter(LenientNumbers.Span.class)
        Duration lookback();

        /** Under serve, time between two audits of a target (the first follows the target's first reconcile). */
        @WithDefault("1h")
        @WithConverter(LenientNumbers.Span.class)
        Duration interval();
    }

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
        @WithConverter(LenientNumbers.Decimal.class)
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

        /** Page size of list calls: 20–100, what ElastiCache's MaxRecords accepts (see ConfigRanges). */
        @WithDefault("100")
        @WithConverter(LenientNumbers.Whole.class)
        int pageSize();
    }

    interface Safety {
        /** A run that would delete more than this share of a region's managed alarms is refused. */
        @WithDefault("0.25")
        @WithConverter(LenientNumbers.Decimal.class)
        double maxDeleteShare();
    }

    /** Client-side pacing per API per region, below CloudWatch's quotas ("CloudWatch service quotas"). */
    interface Rates {
        /** PutMetricAlarm quota: 3 TPS. */
        @WithDefault("3")
        @WithConverter(LenientNumbers.Decimal.class)
        double putMetricAlarm();

        /** DeleteAlarms quota: 3 TPS. */
        @WithDefault("3")
        @WithConverter(LenientNumbers.Decimal.class)
        double deleteAlarms();

        /** DescribeAlarms quota: 9 TPS. */
        @WithDefault("5")
        @WithConverter(LenientNumbers.Decimal.class)
        double describeAlarms();
    }

    interface Aws {
        /** Attempts per call, throttling included, with the SDK's standard backoff. */
        @WithDefault("8")
        @WithConverter(LenientNumbers.Whole.class)
        int maxAttempts();
    }

    /** The slow-log pipeline ({@code slowlog} command). */
    interface Slowlog {
        /** Poll interval without --once. */
        @WithDefault("30s")
        @WithConverter(LenientNumbers.Span.class)
        java.time.Duration interval();

        @WithDefault("2s")
        @WithConverter(LenientNumbers.Span.class)

        java.time.Duration connectTimeout();

        @WithDefault("5s")
        @WithConverter(LenientNumbers.Span.class)

        java.time.Duration commandTimeout();

        /** Nodes read at the same time. */
        @WithDefault("32")
        @WithConverter(LenientNumbers.Whole.class)
        int concurrency();

        /** Most entries fetched from one node per read. */
        @WithDefault("1024")
        @WithConverter(LenientNumbers.Whole.class)
        int maxEntries();

        /** An entry at least this slow (µs) is a warning. */
        @WithDefault("100000")
        @WithConverter(LenientNumbers.WholeLong.class)
        long warningMicros();

        /** An entry at least this slow (µs) is critical. */
        @WithDefault("1000000")
        @WithConverter(LenientNumbers.WholeLong.class)
        long criticalMicros();

        /** EVAL/FCALL at least this slow (µs) are long scripts. */
        @WithDefault("50000")
        @WithConverter(LenientNumbers.WholeLong.class)
        long longScriptMicros();

        /** Rows of the top-pattern and top-client tables. */
        @WithDefault("5")
        @WithConverter(LenientNumbers.Whole.class)
        int top();

        /** A repeat of the same cluster, kind and patterns within this window is not sent again unless worse. */
        @WithDefault("1h")
        @WithConverter(LenientNumbers.Span.class)
        java.time.Duration suppressFor();

        /** "Worse" means a higher severity or a max duration grown by this factor. */
        @WithDefault("2.0")
        @WithConverter(LenientNumbers.Decimal.class)
        double worseFactor();

        /** Clusters whose messages may show raw (server-truncated) arguments; never for production data. */
        Optional<List<String>> rawArgsClusters();

        /** Commands never reported; the default is the replication link's own traffic. */
        @WithDefault("REPLCONF,PSYNC,SYNC")
        List<String> ignoreCommands();

        /** Cursors, suppression and undelivered messages between runs. */
        @WithDefault(".cachewatch/slowlog-state.json")
        String stateFile();

        /** Most undelivered messages kept for retry; older ones are dropped and counted. */
        @WithDefault("1000")
        @WithConverter(LenientNumbers.Whole.class)
        int bufferSize();

        /** PEM file of CAs trusted for TLS instead of the JVM's trust store. */
        Optional<String> tlsCaFile();

        /** Cluster id → seed URI (redis:// or rediss://, optional user:password@) used instead of the AWS endpoints. */
        Map<String, String> endpointOverrides();

        /**
         * Cluster id → credentials. Without a password here, a cluster may name a Secrets Manager secret here or in
         * its tag {@code cachewatch:slowlog-secret}.
         */
        Map<String, Credentials> credentials();

        interface Credentials {
            Optional<String> username();

            Optional<String> password();

            /** Secrets Manager secret (ARN or name) holding {"username","password"} or a bare AUTH token. */
            Optional<String> secretArn();

            /** Same as {@link #secretArn()}, for a secret given by name. */
            Optional<String> secret();
        }
    }
}
