package io.cachewatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test-side proxy in front of moto for the Resource Groups Tagging API (AWS JSON 1.1), so that GetResources with AWS's
 * resource-type strings reaches what moto stores.
 *
 * <p>Why: GetResources' ResourceTypeFilters are "the same as that embedded in a resource's ARN"
 * ({@code elasticache:replicationgroup}, {@code elasticache:cluster}); moto 5.2.1 lists ElastiCache resources only
 * under strings of its own ({@code elasticache:replication-group}, {@code elasticache:cache_clusters}) and answers
 * AWS's with an empty list. The bridge rewrites those two strings and forwards everything else as it came. moto's
 * other departures stay visible through it: it lists no MemoryDB resource and no serverless cache, it lists resources
 * that never had a tag (with an empty tag list; AWS leaves them out), and it lists no replication-group member
 * clusters.
 *
 * <p>Test features: {@link #calls()} counts GetResources requests; {@link #deny()} answers every GetResources as IAM
 * does when {@code tag:GetResources} is not granted; {@link #failAfter(int)} lets n requests through, then fails the
 * rest as a server error (a listing cut short).
 */
public final class TaggingBridge implements AutoCloseable {
    private static final String TARGET_PREFIX = "ResourceGroupsTaggingAPI_20170126.";
    private static final Map<String, String> MOTO_TYPES = Map.of(
            "elasticache:replicationgroup", "elasticache:replication-group",
            "elasticache:cluster", "elasticache:cache_clusters");
    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI moto;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tagging-bridge");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CallRecorder calls = new CallRecorder();
    private volatile boolean denied;
    private volatile int failAfter = -1;

    private TaggingBridge(URI moto) throws IOException {
        this.moto = moto;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static TaggingBridge start(URI motoEndpoint) {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // see CloudWatchBridge.start
        try {
            return new TaggingBridge(motoEndpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tagging bridge", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public CallRecorder calls() {
        return calls;
    }

    /** Every GetResources from now on answers AccessDeniedException, as for a role without tag:GetResources. */
    public void deny() {
        denied = true;
    }

    /** Lets the next {@code n} GetResources through, then answers every further one with a server error. */
    public void failAfter(int n) {
        failAfter = n;
    }

    public void reset() {
        calls.reset();
        denied = false;
        failAfter = -1;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            calls.record(operation);
            if (denied) {
                answer(exchange, 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User is not authorized to perform: tag:GetResources\"}");
                return;
            }
            if (failAfter == 0) {
                answer(exchange, 500, "{\"__type\":\"InternalServiceException\",\"Message\":\"bridge: failing as told\"}");
                return;
            }
            if (failAfter > 0) {
                failAfter--;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (operation.equals("GetResources")) {
                body = motoTypes(body);
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve("/")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", target)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    forward.header(name, value);
                }
            }
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer(exchange, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 500, "{\"__type\":\"InternalServiceException\",\"Message\":\"bridge interrupted\"}");
        } catch (RuntimeException | IOException e) {
            answer(exchange, 500, "{\"__type\":\"InternalServiceException\",\"Message\":\"bridge: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    /** AWS's ElastiCache type strings → moto's; anything else unchanged. */
    static byte[] motoTypes(byte[] body) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        JsonNode types = request.get("ResourceTypeFilters");
        if (types != null && types.isArray()) {
            ArrayNode mapped = request.putArray("ResourceTypeFilters");
            types.forEach(t -> mapped.add(MOTO_TYPES.getOrDefault(t.asText(), t.asText())));
        }
        return JSON.writeValueAsBytes(request);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
