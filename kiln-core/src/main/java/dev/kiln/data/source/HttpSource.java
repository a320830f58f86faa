package dev.kiln.data.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * JSON records from an HTTP API, page after page. The records are the array found at {@code records}, a dotted
 * path into each response ({@code data.items}; empty for a top-level array). Requests carry a bearer token or an
 * API key read from the environment; 429 and 5xx answers and I/O failures are retried with exponential backoff
 * (honouring {@code Retry-After}), each request bounded by {@code timeout}.
 *
 * @param bearerEnv environment variable holding a bearer token, or null
 * @param apiKeyEnv environment variable holding an API key, sent in header {@code apiKeyHeader}, or null
 * @param retries how many times a failed request is retried
 * @param maxPages a bound on the pages followed
 */
public record HttpSource(String url, String records, Paging paging, String bearerEnv, String apiKeyEnv,
                         String apiKeyHeader, Duration timeout, int retries, int maxPages) implements Source {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /**
     * How to get the next page: {@code none}; {@code next_link} (the URL at path {@code next} of the body);
     * {@code page} (query parameter {@code param} counting from {@code start}); {@code offset} (parameter
     * {@code param} advancing by {@code size}, sent as {@code sizeParam}); {@code cursor} (parameter {@code param}
     * set to the value at path {@code next}). A page without records ends the paging.
     */
    public record Paging(String kind, String param, String next, int start, int size, String sizeParam) {
        public static final List<String> KINDS = List.of("none", "next_link", "page", "offset", "cursor");

        public Paging {
            Checks.checkArgument(KINDS.contains(kind), "unknown paging '%s' (known: %s)", kind, KINDS);
        }

        public static Paging none() {
            return new Paging("none", null, null, 0, 0, null);
        }
    }

    public HttpSource {
        Checks.checkArgument(url != null && (url.startsWith("http://") || url.startsWith("https://")),
                "http url must start with http:// or https://: '%s'", url);
        records = records == null ? "" : records;
        paging = paging == null ? Paging.none() : paging;
        apiKeyHeader = apiKeyHeader == null ? "X-API-Key" : apiKeyHeader;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        Checks.checkArgument(retries >= 0 && retries <= 10, "retries must be in [0, 10]: %s", retries);
        Checks.checkArgument(maxPages >= 1, "max_pages must be positive: %s", maxPages);
    }

    /** A single request to {@code url} whose body is the array of records. */
    public static HttpSource of(String url) {
        return new HttpSource(url, "", Paging.none(), null, null, null, null, 3, 1000);
    }

    @Override
    public Frame read(SourceContext context) throws IOException {
        String bearer = context.secret(bearerEnv, this);
        String apiKey = context.secret(apiKeyEnv, this);
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        TextTable table = new TextTable(context.missing());
        String next = firstUrl();
        for (int page = 0; next != null && page < maxPages; page++) {
            JsonNode body = get(client, next, bearer, apiKey);
            JsonNode items = at(body, records);
            if (!items.isArray()) {
                throw new InvalidDataException(describe() + ": page " + (page + 1) + ": no array of records at '" + records + "'");
            }
            for (JsonNode item : items) {
                if (!JsonRecords.add(table, item)) {
                    throw new InvalidDataException(describe() + ": page " + (page + 1) + ": a record is not a JSON object");
                }
            }
            next = items.isEmpty() ? null : nextUrl(next, body, page + 1);
        }
        return table.toFrame(context.kinds(), describe());
    }

    private String firstUrl() {
        return switch (paging.kind()) {
            case "page" -> withParam(url, param("page"), Integer.toString(paging.start()), paging);
            case "offset" -> withParam(url, param("offset"), "0", paging);
            default -> url;
        };
    }

    private String nextUrl(String current, JsonNode body, int pagesRead) {
        return switch (paging.kind()) {
            case "next_link" -> {
                String link = JsonRecords.text(at(body, paging.next() == null ? "next" : paging.next()));
                yield link == null || link.isEmpty() ? null : URI.create(current).resolve(link).toString();
            }
            case "page" -> withParam(url, param("page"), Integer.toString(paging.start() + pagesRead), paging);
            case "offset" -> withParam(url, param("offset"), Integer.toString(pagesRead * size()), paging);
            case "cursor" -> {
                String cursor = JsonRecords.text(at(body, paging.next() == null ? "next_cursor" : paging.next()));
                yield cursor == null || cursor.isEmpty() ? null : withParam(url, param("cursor"), cursor, null);
            }
            default -> null;
        };
    }

    private String param(String fallback) {
        return paging.param() == null ? fallback : paging.param();
    }

    private int size() {
        return paging.size() > 0 ? paging.size() : 100;
    }

    private String withParam(String base, String name, String value, Paging sized) {
        String out = base + (base.contains("?") ? "&" : "?") + enc(name) + "=" + enc(value);
        if (sized != null && (sized.kind().equals("offset") || sized.sizeParam() != null) && (sized.size() > 0 || sized.kind().equals("offset"))) {
            out += "&" + enc(sized.sizeParam() == null ? "limit" : sized.sizeParam()) + "=" + size();
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode get(HttpClient client, String target, String bearer, String apiKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout).header("Accept", "application/json").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (apiKey != null) {
            request.header(apiKeyHeader, apiKey);
        }
        String failure = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            long wait = Math.min(MAX_BACKOFF_MILLIS, 100L << attempt);
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return parse(response.body(), target);
                }
                failure = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw new SourceException(describe() + ": GET " + redact(target) + ": " + failure);
                }
                wait = response.headers().firstValue("Retry-After").map(HttpSource::seconds).orElse(wait);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(describe() + ": interrupted");
            }
            if (attempt < retries) {
                sleep(wait);
            }
        }
        throw new SourceException(describe() + ": GET " + redact(target) + ": " + failure + " after " + (retries + 1) + " attempt(s)");
    }

    private JsonNode parse(byte[] body, String target) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidDataException(describe() + ": GET " + redact(target) + ": the answer is not JSON");
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.min(MAX_BACKOFF_MILLIS, Long.parseLong(retryAfter.strip()) * 1000);
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while waiting to retry");
        }
    }

    /** The node at a dotted path such as {@code $.data.items}; the root for an empty path. */
    static JsonNode at(JsonNode root, String path) {
        String p = path.startsWith("$") ? path.substring(1) : path;
        JsonNode node = root;
        for (String part : p.split("\\.")) {
            if (!part.isEmpty()) {
                node = node.path(part);
            }
        }
        return node;
    }

    @Override
    public String describe() {
        return "http " + redact(url);
    }

    /** The URL without its query string, which may carry a key. */
    private static String redact(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
