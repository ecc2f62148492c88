package io.cachewatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code quarkus-run.jar} as a user would, as a separate process, with the AWS endpoints pointed at
 * moto (ElastiCache, MemoryDB) and at the CloudWatch bridge.
 */
public final class CachewatchJar {
    /** What one run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final Path jar;
    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> wrapper = new ArrayList<>();
    private String java = javaExecutable();

    public CachewatchJar(Path jar, Path workDir) {
        this.jar = jar;
        this.workDir = workDir;
    }

    /** The jar failsafe points at, run from the project directory (so ./alarm-profiles is found). */
    public static CachewatchJar packaged() {
        String jar = System.getProperty("cachewatch.jar", "target/quarkus-app/quarkus-run.jar");
        String dir = System.getProperty("cachewatch.project.dir", ".");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        return new CachewatchJar(Path.of(jar).toAbsolutePath(), Path.of(dir).toAbsolutePath());
    }

    /** Points every AWS client at the local servers with dummy credentials, one region, no serverless discovery. */
    public CachewatchJar against(MotoServer moto, CloudWatchBridge bridge) {
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CLOUDWATCH", bridge.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        // moto does not implement serverless caches (it answers 500): see shared notes on moto's gaps
        env.put("CACHEWATCH_DISCOVERY_KINDS", "elasticache,memorydb");
        // behaviour tests need no pacing at CloudWatch's quota; pacing itself is measured by PacingBench
        env.put("CACHEWATCH_RATES_PUT_METRIC_ALARM", "200");
        env.put("CACHEWATCH_RATES_DELETE_ALARMS", "200");
        env.put("CACHEWATCH_DASHBOARDS_RATE", "200");
        return this;
    }

    /** Sends the jar's Resource Groups Tagging API calls through this bridge (AWS's resource-type strings for moto). */
    public CachewatchJar tagging(TaggingBridge bridge) {
        env.put("AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API", bridge.endpoint().toString());
        return this;
    }

    /** Runs the jar with this {@code java} instead of the one running the tests (benchmarks compare JDKs). */
    public CachewatchJar java(String executable) {
        this.java = executable;
        return this;
    }

    public CachewatchJar env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs the JVM through this command, e.g. {@code setpriv --reuid=10001 …} to run it as another user. */
    public CachewatchJar through(String... command) {
        wrapper.addAll(List.of(command));
        return this;
    }

    /** Options for the JVM that runs the jar (heap limit, GC log), before {@code -jar}. */
    public CachewatchJar jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Runs with this process's terminal, so a person sees the report and the progress line; returns the exit code. */
    public int runOnTerminal(String... args) {
        try {
            Process process = builder(args).inheritIO().start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The environment a shell needs to run the jar against the same servers. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("CACHEWATCH_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** A process started with {@link #start(String...)}, e.g. {@code serve}. */
    public record Running(Process process, Path out, Path err) {
        public String stderr() {
            try {
                return Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends SIGTERM and waits up to the timeout; the exit code, or -1 when it had to be killed. */
        public int terminate(java.time.Duration timeout) {
            process.destroy();
            try {
                if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return process.exitValue();
                }
                process.destroyForcibly().waitFor();
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Starts the jar in the background, output to temporary files. */
    public Running start(String... args) {
        try {
            Path out = Files.createTempFile("cachewatch-out", ".txt");
            Path err = Files.createTempFile("cachewatch-err", ".txt");
            Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new Running(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result run(String... args) {
        return run(Duration.ofMinutes(5), args);
    }

    /** Runs the jar to its end, allowing it {@code timeout} (benchmarks against moto on a loaded machine need more). */
    public Result run(Duration timeout, String... args) {
        try {
            Path out = Files.createTempFile("cachewatch-out", ".txt");
            Path err = Files.createTempFile("cachewatch-err", ".txt");
            Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cachewatch " + String.join(" ", args) + " did not finish in " + timeout);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            AwsOperationsLog.fromReport(result.stdout());
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
