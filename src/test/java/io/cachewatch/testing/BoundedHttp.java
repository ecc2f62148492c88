package io.cachewatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A GET of a local test server that cannot outlast its limit. The JDK client's own request timeout was seen never to
 * fire (a send parked for 17 minutes while the server answered curl at once), which hung a whole test run; waiting on
 * the response future with a deadline, and cancelling it, bounds every call whatever the client does.
 */
public final class BoundedHttp {
    private BoundedHttp() {
    }

    /** A client for local test servers: HTTP/1.1 (no h2c upgrade attempt), short connect timeout. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    public static HttpResponse<String> send(HttpClient http, HttpRequest request, Duration limit) {
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return response.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new UncheckedIOException(new IOException(request.uri() + " did not answer within " + limit));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
