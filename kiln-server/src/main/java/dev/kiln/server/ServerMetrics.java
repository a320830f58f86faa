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
    private static final String START = "kiln.start";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    void start(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    /** Records a finished request; {@code protocol} is the API it used (kiln, mlflow, v2, admin, other). */
    void finish(Context ctx, String protocol) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        String model = ctx.attribute(MODEL);
        String modelTag = model == null ? "none" : model;
        int status = ctx.statusCode();
        TimerKey key = new TimerKey(protocol, modelTag, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("kiln.requests").description("HTTP requests and their latency")
                    .tag("protocol", protocol).tag("model", modelTag).tag("status", Integer.toString(status))
                    .publishPercentileHistogram().register(registry));
        }
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        Integer rows = ctx.attribute(ROWS);
        if (rows != null) {
            counter("kiln.predicted.rows", modelTag).increment(rows);
        }
        if (status >= 400) {
            counter("kiln.request.errors", modelTag).increment();
        }
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

    /** The metrics in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape());
    }
}
