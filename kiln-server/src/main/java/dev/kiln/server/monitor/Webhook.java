package dev.kiln.server.monitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alert bodies (JSON) to webhook URLs, asynchronously with a 5 s timeout; a failure or a non-2xx answer is
 * logged, never thrown. Thread-safe.
 */
public final class Webhook {
    private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Sends {@code json} to {@code url}; the future completes with the status (or -1 on failure). */
    public CompletableFuture<Integer> post(String url, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                LOG.warn("alert webhook {} failed: {}", url, error.getMessage());
                return -1;
            }
            if (response.statusCode() / 100 != 2) {
                LOG.warn("alert webhook {} answered {}", url, response.statusCode());
            }
            return response.statusCode();
        });
    }
}
