package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.data.Frame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging, authentication and retries against a small HTTP server on 127.0.0.1, port chosen by the system. */
class HttpSourceTest {
    private static final String TOKEN = "tok-123";

    private HttpServer server;
    private String base;
    private final AtomicInteger flaky = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/links", this::links);
        server.createContext("/pages", this::pages);
        server.createContext("/cursor", this::cursor);
        server.createContext("/secure", this::secure);
        server.createContext("/flaky", this::flaky);
        server.createContext("/down", e -> send(e, 503, "{}"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String query(HttpExchange e, String name) {
        String q = e.getRequestURI().getQuery();
        for (String pair : q == null ? new String[0] : q.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private void links(HttpExchange e) throws IOException {
        String page = query(e, "p");
        if (page == null) {
            send(e, 200, "{\"data\": {\"items\": [{\"id\": 1}, {\"id\": 2}]}, \"next\": \"/links?p=2\"}");
        } else {
            send(e, 200, "{\"data\": {\"items\": [{\"id\": 3}]}, \"next\": null}");
        }
    }

    private void pages(HttpExchange e) throws IOException {
        int page = Integer.parseInt(query(e, "page"));
        send(e, 200, page <= 2 ? "[{\"id\": " + page + "}]" : "[]");
    }

    private void cursor(HttpExchange e) throws IOException {
        String cursor = query(e, "cursor");
        if (cursor == null) {
            send(e, 200, "{\"rows\": [{\"v\": \"a\"}], \"next_cursor\": \"c2\"}");
        } else {
            send(e, 200, "{\"rows\": [{\"v\": \"b\"}], \"next_cursor\": \"\"}");
        }
    }

    private void secure(HttpExchange e) throws IOException {
        boolean ok = ("Bearer " + TOKEN).equals(e.getRequestHeaders().getFirst("Authorization"));
        send(e, ok ? 200 : 401, ok ? "[{\"x\": 1}]" : "{\"error\": \"unauthorised\"}");
    }

    private void flaky(HttpExchange e) throws IOException {
        if (flaky.incrementAndGet() <= 2) {
            e.getResponseHeaders().add("Retry-After", "0");
            send(e, 429, "{}");
        } else {
            send(e, 200, "[{\"x\": 7}]");
        }
    }

    private static SourceContext context(Map<String, String> env) {
        return SourceContext.of(Path.of(".")).withEnvironment(env::get);
    }

    private HttpSource source(String path, String records, HttpSource.Paging paging, String bearerEnv, int retries) {
        return new HttpSource(base + path, records, paging, bearerEnv, null, null, Duration.ofSeconds(5), retries, 100);
    }

    @Test
    void followsNextLinksPagesAndCursors() throws Exception {
        Frame links = source("/links", "$.data.items", new HttpSource.Paging("next_link", null, "next", 0, 0, null), null, 0)
                .read(context(Map.of()));
        assertThat(links.numeric("id").toArray()).containsExactly(1, 2, 3);
        Frame pages = source("/pages", "", new HttpSource.Paging("page", "page", null, 1, 0, null), null, 0).read(context(Map.of()));
        assertThat(pages.numeric("id").toArray()).containsExactly(1, 2);
        Frame cursor = source("/cursor", "rows", new HttpSource.Paging("cursor", "cursor", "next_cursor", 0, 0, null), null, 0)
                .read(context(Map.of()));
        assertThat(cursor.column("v").format(1)).isEqualTo("b");
    }

    @Test
    void sendsTheBearerTokenFromTheEnvironment() throws Exception {
        Frame frame = source("/secure", "", null, "API_TOKEN", 0).read(context(Map.of("API_TOKEN", TOKEN)));
        assertThat(frame.rowCount()).isEqualTo(1);
        assertThatThrownBy(() -> source("/secure", "", null, "API_TOKEN", 2).read(context(Map.of("API_TOKEN", "wrong"))))
                .isInstanceOf(SourceException.class).hasMessageContaining("HTTP 401")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong"));
    }

    @Test
    void retriesOn429AndGivesUpOnPersistent5xx() throws Exception {
        assertThat(source("/flaky", "", null, null, 3).read(context(Map.of())).rowCount()).isEqualTo(1);
        assertThat(flaky.get()).isEqualTo(3);
        assertThatThrownBy(() -> source("/down", "", null, null, 2).read(context(Map.of())))
                .isInstanceOf(SourceException.class).hasMessage("http " + base + "/down: GET " + base + "/down: HTTP 503 after 3 attempt(s)");
    }

    @Test
    void anUnreachableServerFailsAfterItsRetries() {
        HttpSource nowhere = new HttpSource("http://127.0.0.1:1/x?key=secret", "", null, null, null, null, Duration.ofSeconds(2), 1, 10);
        assertThatThrownBy(() -> nowhere.read(context(Map.of()))).isInstanceOf(SourceException.class)
                .hasMessageContaining("after 2 attempt(s)").satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
}
