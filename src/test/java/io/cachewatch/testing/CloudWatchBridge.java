package io.cachewatch.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-side proxy that lets the real AWS SDK CloudWatch client talk to moto.
 *
 * <p>Why: SDK for Java v2 from 2.40.6 on speaks Smithy RPC v2 CBOR to CloudWatch
 * ({@code POST /service/GraniteServiceVersion20100801/operation/<Op>}); moto serves CloudWatch only as Query and AWS
 * JSON 1.0 and answers the CBOR path with 404. Pinning an old SDK is not an option, so tests put this bridge between
 * the client ({@code endpointOverride(bridge.endpoint())}) and moto.
 *
 * <p>What it does per request: decodes the CBOR body into a tree (tag-1 timestamps become epoch numbers, byte
 * strings become base64), forwards it to moto as JSON 1.0 ({@code POST /},
 * {@code X-Amz-Target: GraniteServiceVersion20100801.<Op>}, signing headers copied; moto does not check signatures),
 * and re-encodes moto's answer as CBOR with {@code smithy-protocol: rpc-v2-cbor} and the same HTTP status. Timestamp
 * members (by name, from the service model: {@link CborJson#TIMESTAMP_MEMBERS}) go out as tag 1 epoch values.
 * Errors carry {@code __type} with the SDK's error shape name ({@link CloudWatchErrorShapes}) and the query error
 * code in {@code x-amzn-query-error}, as CloudWatch itself does for this query-compatible service, so
 * {@code awsErrorDetails().errorCode()} is the classic code (e.g. {@code ResourceNotFound}).
 *
 * <p>Test features:
 * <ul>
 *   <li>{@link #calls()}: every request received, by operation and in order (injected failures included).
 *   <li>{@link #throttleNext(String, int)}: the next n requests of an operation answer HTTP 400
 *       {@code ThrottlingException} (query code {@code Throttling}) without reaching moto.
 *   <li>{@link #pageDescribeAlarms(int)}: moto ignores MaxRecords/NextToken; with this the bridge slices moto's full
 *       DescribeAlarms answer into pages of the given size and issues its own NextTokens.
 * </ul>
 */
public final class CloudWatchBridge implements AutoCloseable {
    static final String TARGET_PREFIX = "GraniteServiceVersion20100801";
    private static final Pattern PATH = Pattern.compile("/service/" + TARGET_PREFIX + "/operation/(\\w+)");
    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token");
    private static final String TOKEN_PREFIX = "bridge-page:";

    private final URI moto;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cloudwatch-bridge");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final CallRecorder calls = new CallRecorder();
    private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
    private volatile int describeAlarmsPageSize;

    private CloudWatchBridge(URI moto) throws IOException {
        this.moto = moto;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a bridge on a free loopback port in front of moto at the given endpoint. */
    public static CloudWatchBridge start(URI motoEndpoint) {
        // Without TCP_NODELAY the JDK server's small responses wait ~40 ms on delayed ACKs (Nagle), which made every
        // call through the bridge 15× slower than moto itself. Read once, when the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            return new CloudWatchBridge(motoEndpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CloudWatch bridge", e);
        }
    }

    /** The endpoint to give the SDK client. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public CallRecorder calls() {
        return calls;
    }

    /** The next {@code n} requests of {@code operation} answer with throttling instead of reaching moto. */
    public void throttleNext(String operation, int n) {
        throttles.computeIfAbsent(operation, op -> new AtomicInteger()).set(n);
    }

    /** Slices DescribeAlarms answers into pages of {@code size} metric alarms; 0 turns paging off. */
    public void pageDescribeAlarms(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("page size must not be negative: " + size);
        }
        describeAlarmsPageSize = size;
    }

    /** Clears the recorder, pending throttles and paging (moto's own state is reset through {@link MotoServer}). */
    public void reset() {
        calls.reset();
        throttles.clear();
        describeAlarmsPageSize = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                answer(exchange, 404, error("UnknownOperationException", "not a CloudWatch RPC v2 path"), null);
                return;
            }
            String operation = path.group(1);
            calls.record(operation);
            if (takeThrottle(operation)) {
                answer(exchange, 400, error("ThrottlingException", "Rate exceeded"), "Throttling;Sender");
                return;
            }
            byte[] raw = readAll(exchange.getRequestBody());
            // PutMetricData carries the requestCompression trait: the SDK gzips bodies from 10 KiB on
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
            }
            ObjectNode request = CborJson.readCbor(raw);
            int pageSize = describeAlarmsPageSize;
            boolean paging = operation.equals("DescribeAlarms") && pageSize > 0;
            int offset = paging ? offsetOf(request) : 0;
            HttpResponse<byte[]> response = forward(exchange, operation, request);
            ObjectNode body = CborJson.readJson(response.body());
            if (response.statusCode() >= 400) {
                answerError(exchange, operation, response, body);
            } else {
                ObjectNode out = body == null ? CborJson.JSON.createObjectNode() : body;
                answer(exchange, response.statusCode(), paging ? page(out, offset, pageSize) : out, null);
            }
        } catch (RuntimeException | IOException e) {
            answer(exchange, 500, error("InternalServiceFault", "bridge: " + e), null);
        }
    }

    private boolean takeThrottle(String operation) {
        AtomicInteger left = throttles.get(operation);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String operation, ObjectNode request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(moto.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", TARGET_PREFIX + "." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(CborJson.toJson(request)));
        for (String name : FORWARDED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                builder.header(name, value);
            }
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding " + operation, e);
        }
    }

    /** Moto errors: query code from {@code __type} (or its header), SDK shape name in {@code __type}. */
    private void answerError(HttpExchange exchange, String operation, HttpResponse<byte[]> response, ObjectNode body)
            throws IOException {
        String queryHeader = response.headers().firstValue("x-amzn-query-error").orElse(null);
        String code;
        String message;
        if (body != null && body.hasNonNull("__type")) {
            String type = body.get("__type").asText();
            code = type.substring(type.indexOf('#') + 1);
            message = body.hasNonNull("message") ? body.get("message").asText() : body.path("Message").asText("");
        } else {
            // moto answers unimplemented operations with an HTML 500 page
            code = response.statusCode() >= 500 ? "InternalServiceError" : "InvalidParameterValue";
            message = new String(response.body(), StandardCharsets.UTF_8).strip();
        }
        String fault = response.statusCode() >= 500 ? "Receiver" : "Sender";
        String query = queryHeader != null ? queryHeader : code + ";" + fault;
        answer(exchange, response.statusCode(), error(CloudWatchErrorShapes.shapeName(operation, code), message), query);
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode body = CborJson.JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        return body;
    }

    private static int offsetOf(ObjectNode request) {
        String token = request.path("NextToken").asText("");
        request.remove("NextToken");
        request.remove("MaxRecords");
        if (token.isEmpty()) {
            return 0;
        }
        if (!token.startsWith(TOKEN_PREFIX)) {
            throw new IllegalArgumentException("unknown NextToken " + token);
        }
        return Integer.parseInt(token.substring(TOKEN_PREFIX.length()));
    }

    /** One page of metric alarms; composite alarms (never paged by cachewatch) ride on the first page. */
    private static ObjectNode page(ObjectNode full, int offset, int size) {
        ArrayNode all = full.withArray("MetricAlarms");
        ArrayNode slice = CborJson.JSON.createArrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + size); i++) {
            slice.add(all.get(i));
        }
        ObjectNode page = full.deepCopy();
        page.set("MetricAlarms", slice);
        if (offset > 0) {
            page.set("CompositeAlarms", CborJson.JSON.createArrayNode());
        }
        page.remove("NextToken");
        if (offset + size < all.size()) {
            page.put("NextToken", TOKEN_PREFIX + (offset + size));
        }
        return page;
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body, String queryError) throws IOException {
        byte[] bytes = CborJson.toCbor(body);
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        exchange.getResponseHeaders().set("Content-Type", "application/cbor");
        if (queryError != null) {
            exchange.getResponseHeaders().set("x-amzn-query-error", queryError);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
