package io.cachewatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real redis-server processes on free loopback ports, for tests: every server logs every command
 * ({@code slowlog-log-slower-than 0}). Close to stop them all. {@link #valkey()} runs valkey-server 8.1+ instead
 * (COMMANDLOG), found by {@link #valkeyServer()}.
 */
public final class RedisServers implements AutoCloseable {
    /** One running server. */
    public final class Server {
        final int port;
        final List<String> args;
        Process process;

        Server(int port, List<String> args) {
            this.port = port;
            this.args = args;
        }

        public int port() {
            return port;
        }

        /** The port clients use: the TLS port for TLS servers. */
        public String address() {
            return "127.0.0.1:" + port;
        }

        /** Runs redis-cli against this server (plain TCP, default user unless args say otherwise). */
        public String cli(String... command) {
            List<String> all = new ArrayList<>(List.of(cliBinary, "-h", "127.0.0.1", "-p", Integer.toString(port)));
            all.addAll(cliAuth);
            all.addAll(List.of(command));
            return run(all);
        }

        /**
         * Runs {@code script} (one command a line, redis-cli's quoting: {@code "\x1b"}, {@code "\n"}) over one
         * connection, so a {@code CLIENT SETNAME} names the commands after it.
         */
        public String cliScript(String script) {
            List<String> all = new ArrayList<>(List.of(cliBinary, "-h", "127.0.0.1", "-p", Integer.toString(port)));
            all.addAll(cliAuth);
            return run(all, script);
        }

        public void stop() {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Starts the same server again on the same port (a new run id, slow-log ids from 0). */
        public void restart() {
            stop();
            start(this);
        }
    }

    private final Path dir;
    private final List<Server> servers = new ArrayList<>();
    private final String serverBinary;
    private final String cliBinary;
    private List<String> cliAuth = List.of();

    public RedisServers() {
        this("redis-server", "redis-cli");
    }

    /**
     * valkey-server processes: the binary {@link #valkeyServer()} finds, with the valkey-cli beside it. The common
     * arguments are the same (Valkey keeps slowlog-log-slower-than and slowlog-max-len as aliases of its commandlog-
     * settings).
     */
    public static RedisServers valkey() {
        Path server = valkeyServer();
        Path cli = server.resolveSibling("valkey-cli");
        return new RedisServers(server.toString(), Files.isExecutable(cli) ? cli.toString() : "redis-cli");
    }

    /**
     * The valkey-server (8.1 or later, for COMMANDLOG) the tests run: {@code CACHEWATCH_VALKEY_SERVER}, else the newest
     * build .ci/valkey cached under {@code ~/.cache/cachewatch/valkey-<version>/}. Fails, saying how to get one, when
     * there is none: Debian 12 does not package Valkey.
     */
    public static Path valkeyServer() {
        String configured = System.getenv("CACHEWATCH_VALKEY_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "cachewatch");
        try (var dirs = Files.list(cache)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("valkey-"))
                    .map(d -> d.resolve("valkey-server")).filter(Files::isExecutable)
                    .max(java.util.Comparator.comparing(p -> p.getParent().getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no valkey-server under " + cache));
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("valkey-server 8.1+ not found: run .ci/valkey (builds it from Debian's source package"
                    + " into ~/.cache/cachewatch) or set CACHEWATCH_VALKEY_SERVER (" + e.getMessage() + ")", e);
        }
    }

    private RedisServers(String serverBinary, String cliBinary) {
        this.serverBinary = serverBinary;
        this.cliBinary = cliBinary;
        try {
            dir = Files.createTempDirectory("redis-servers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Extra redis-cli arguments (e.g. --user/--pass) for {@link Server#cli}. */
    public void cliAuth(String... args) {
        cliAuth = List.of(args);
    }

    public Server start(String... extra) {
        return launch("n", (port, args) -> args.addAll(List.of("--port", Integer.toString(port),
                "--slowlog-max-len", "128")), extra);
    }

    /** A TLS-only server (port 0 for plain TCP) with the given certificate, key and CA files. */
    public Server startTls(Path cert, Path key, Path ca, String... extra) {
        return launch("t", (tlsPort, args) -> args.addAll(List.of("--port", "0", "--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", ca.toString(),
                "--tls-auth-clients", "no")), extra);
    }

    /** A server on a free port with the common arguments, what {@code listen} adds for the port, and {@code extra}. */
    private Server launch(String kind, java.util.function.BiConsumer<Integer, List<String>> listen, String... extra) {
        try {
            int port = MotoServer.freePort();
            List<String> args = new ArrayList<>();
            listen.accept(port, args);
            args.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--slowlog-log-slower-than", "0",
                    "--dir", Files.createDirectories(dir.resolve(kind + port)).toString()));
            args.addAll(List.of(extra));
            Server server = new Server(port, args);
            start(server);
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three primaries and three replicas, created with redis-cli --cluster create. */
    public List<Server> startCluster() {
        List<Server> nodes = new ArrayList<>();
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        for (int i = 0; i < 6; i++) {
            Server s = start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000");
            nodes.add(s);
            create.add(s.address());
        }
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        run(create);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!nodes.get(0).cli("CLUSTER", "INFO").contains("cluster_state:ok")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster did not become ok");
            }
            sleep(100);
        }
        // replicas need a moment to finish their first sync before reading is meaningful
        sleep(500);
        return nodes;
    }

    private void start(Server server) {
        try {
            List<String> command = new ArrayList<>(List.of(serverBinary));
            command.addAll(server.args);
            Path log = dir.resolve("redis-" + server.port + ".log");
            server.process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                if (!server.process.isAlive()) {
                    throw new IllegalStateException(serverBinary + " exited: " + Files.readString(log));
                }
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port)) {
                    return;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(serverBinary + " did not listen on " + server.port + ": " + Files.readString(log));
                    }
                    sleep(50);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + serverBinary + " (apt-get install redis-server; Valkey: .ci/valkey)", e);
        }
    }

    public static String run(List<String> command) {
        return run(command, null);
    }

    /** Runs {@code command} with {@code stdin} (null for none) as its input; its output, or an exception if it failed. */
    public static String run(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CA and a server certificate for 127.0.0.1/localhost signed by it, made with openssl: returns ca.pem,
     * server.pem, server.key in {@code dir}.
     */
    public static List<Path> certificates(Path dir) {
        Path ca = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path cert = dir.resolve("server.pem");
        Path ext = dir.resolve("san.ext");
        try {
            Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
                "-days", "2", "-subj", "/CN=cachewatch test CA"));
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=localhost"));
        run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString()));
        return List.of(ca, cert, key);
    }

    @Override
    public void close() {
        servers.forEach(s -> {
            if (s.process != null && s.process.isAlive()) {
                s.process.destroyForcibly();
            }
        });
    }
}
