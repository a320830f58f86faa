package dev.kiln.server;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics of the server: requests by protocol, model and status with a latency histogram
 * ({@code kiln_requests_seconds}), predicted rows by model ({@code kiln_predicted_rows_total}), and
 * errors ({@code kiln_request_errors_total}). Handlers tag a request with the model they used.
 */
final class ServerMetrics {
    static final String MODEL = "kiln.model";
    static final String ROWS = "kiln.rows";
    static final String START = "kiln.start";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, OneRow> oneRow = new ConcurrentHashMap<>();
    private final long started = System.nanoTime();

    void start(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    /** Records a finished request; {@code protocol} is the API it used (kiln, mlflow, v2, admin, other). */
    void finish(Context ctx, String protocol) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        record(protocol, ctx.attribute(MODEL), ctx.statusCode(), ctx.attribute(ROWS), System.nanoTime() - start);
    }

    /**
     * Records a finished request that took {@code nanos}: {@code model} is the ref it used (null: none), {@code rows}
     * how many rows it predicted (null: none).
     */
    void record(String protocol, String model, int status, Integer rows, long nanos) {
        String modelTag = model == null ? "none" : model;
        timer(protocol, modelTag, status).record(nanos, TimeUnit.NANOSECONDS);
        if (rows != null) {
            counter("kiln.predicted.rows", modelTag).increment(rows);
        }
        if (status >= 400) {
            counter("kiln.request.errors", modelTag).increment();
        }
    }

    /**
     * Records a one-row prediction of {@code model} answered with 200 on Kiln's API after {@code nanos}: the same
     * meters as {@link #record}, found by the model's ref alone, which is all the hot path has to look up.
     */
    void recordOneRow(String model, long nanos) {
        OneRow meters = oneRow.get(model);
        if (meters == null) {
            meters = oneRow.computeIfAbsent(model, m -> new OneRow(timer("kiln", m, 200), counter("kiln.predicted.rows", m)));
        }
        meters.timer.record(nanos, TimeUnit.NANOSECONDS);
        meters.rows.increment();
    }

    /** The meters a one-row prediction of one model updates. */
    private record OneRow(Timer timer, Counter rows) {
    }

    private Timer timer(String protocol, String modelTag, int status) {
        TimerKey key = new TimerKey(protocol, modelTag, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("kiln.requests").description("HTTP requests and their latency")
                    .tag("protocol", protocol).tag("model", modelTag).tag("status", Integer.toString(status))
                    .publishPercentileHistogram().register(registry));
        }
        return timer;
    }

    /** Registers a gauge {@code name} tagged with {@code model}, read from {@code value} at every scrape. */
    void gauge(String name, String model, java.util.function.Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).tag("model", model).register(registry);
    }

    /** What a request timer is kept under: no string is built per request. */
    private record TimerKey(String protocol, String model, int status) {
    }

    private record CounterKey(String name, String model) {
    }

    private Counter counter(String name, String model) {
        CounterKey key = new CounterKey(name, model);
        Counter counter = counters.get(key);
        return counter != null ? counter
                : counters.computeIfAbsent(key, k -> Counter.builder(name).tag("model", model).register(registry));
    }

    /**
     * Service health of one model since the server started: requests, errors (status 400 and above), requests per
     * second, and latency percentiles in milliseconds (upper bounds of the histogram bucket they fall in).
     */
    record Health(long requests, long errors, double perSecond, double p50, double p95, double p99) {
    }

    /** Health per model tag, from the request timers. */
    java.util.Map<String, Health> health() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        java.util.Map<String, java.util.TreeMap<Double, Double>> buckets = new java.util.TreeMap<>();
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        timers.forEach((key, timer) -> {
            String model = key.model();
            long[] c = counts.computeIfAbsent(model, m -> new long[2]);
            c[0] += timer.count();
            if (key.status() >= 400) {
                c[1] += timer.count();
            }
            var merged = buckets.computeIfAbsent(model, m -> new java.util.TreeMap<>());
            for (var bucket : timer.takeSnapshot().histogramCounts()) {
                merged.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
            }
        });
        java.util.Map<String, Health> out = new java.util.TreeMap<>();
        counts.forEach((model, c) -> {
            var merged = buckets.get(model);
            out.put(model, new Health(c[0], c[1], c[0] / seconds, percentile(merged, c[0], 0.5),
                    percentile(merged, c[0], 0.95), percentile(merged, c[0], 0.99)));
        });
        return out;
    }

    private static double percentile(java.util.TreeMap<Double, Double> cumulative, long total, double q) {
        for (var entry : cumulative.entrySet()) {
            if (entry.getValue() >= q * total) {
                return entry.getKey();
            }
        }
        return Double.NaN;
    }

    /** The metrics in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape());
    }
}
