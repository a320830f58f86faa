package dev.kiln.server.monitor;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.ShadowPrediction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prediction log: sampled requests go into a bounded queue on the request path (one random draw, one atomic
 * add, one non-blocking offer; when the queue is full the request is dropped from the log and counted, never
 * waited for), and one writer thread takes them in batches (all that is queued, up to 2,048 requests;
 * it looks every 10 ms when idle), encodes them as JSON, runs shadow versions on them and appends them to a
 * {@link Sink} in batches, then applies retention once a minute. Memory is bounded by the queue's capacity plus the batch being
 * written. Thread-safe. {@link #close} writes what is queued.
 */
public final class AsyncPredictionLog implements PredictionLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncPredictionLog.class);
    private static final int BATCH = 2048;
    private static final long RETENTION_EVERY_MS = 60_000;
    /** How long the writer sleeps when the queue is empty. */
    private static final long IDLE_MILLIS = 10;

    /** Where batches of encoded rows go: the store's {@code MonitorLog::append} in a server. */
    @FunctionalInterface
    public interface Sink {
        void write(List<LoggedPrediction> predictions, List<ShadowPrediction> shadows);
    }

    /** Applies retention: deletes rows answered before {@code beforeMs}, keeps the newest {@code keepRows}. */
    @FunctionalInterface
    public interface Retention {
        void purge(long beforeMs, long keepRows);
    }

    private record Pending(long firstNumber, String model, int version, long atMs, long latencyNanos, Frame input,
                           Predictions predictions) {
    }

    private final Sink sink;
    private final Retention retention;
    private final LogPolicy policy;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final PredictionIds ids = new PredictionIds();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final LongAdder written = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Thread writer;
    private volatile boolean closing;
    private long lastRetentionMs;

    /** A log of {@code capacity} queued requests at most, writing to {@code sink}; starts its writer thread. */
    public AsyncPredictionLog(Sink sink, Retention retention, LogPolicy policy, int capacity, Clock clock) {
        this.sink = sink;
        this.retention = retention;
        this.policy = policy;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.lastRetentionMs = clock.millis();
        this.writer = new Thread(this::writeLoop, "kiln-prediction-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public double sampleRate(String model) {
        return policy.sample(model);
    }

    @Override
    public String record(String model, int version, Frame input, Predictions predictions, long latencyNanos) {
        double rate = policy.sample(model);
        if (rate <= 0 || (rate < 1 && ThreadLocalRandom.current().nextDouble() >= rate)) {
            return null;
        }
        long first = ids.reserve(predictions.size());
        if (closing || !queue.offer(new Pending(first, model, version, clock.millis(), latencyNanos, input, predictions))) {
            dropped.add(predictions.size());
            return null;
        }
        accepted.incrementAndGet();
        return ids.id(first);
    }

    /** Waits until every request queued before this call is written (or failed), at most {@code timeout}. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Rows written to the sink so far. */
    public long written() {
        return written.sum();
    }

    /** Rows not logged because the queue was full (or the log closing). */
    public long dropped() {
        return dropped.sum();
    }

    /** Rows lost because the sink failed. */
    public long failed() {
        return failed.sum();
    }

    /** Requests waiting in the queue now. */
    public int queued() {
        return queue.size();
    }

    /**
     * Drains the queue, writes what it got, and sleeps 10 ms when there was nothing: the writer never waits on the
     * queue, so a request's offer never has to wake it (no signal, no context switch per request), and a busy log
     * writes one large transaction per round instead of one per request.
     */
    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                queue.drainTo(batch, BATCH);
                if (batch.isEmpty()) {
                    Thread.sleep(IDLE_MILLIS);
                } else {
                    write(batch);
                    batch.clear();
                }
                maybePurge();
            } catch (InterruptedException e) {
                closing = true;
            } catch (RuntimeException e) {
                batch.clear();
                LOG.warn("prediction log: {}", e.getMessage());
            }
        }
    }

    private void write(List<Pending> batch) {
        List<LoggedPrediction> rows = new ArrayList<>();
        List<ShadowPrediction> shadows = new ArrayList<>();
        StringBuilder inputs = new StringBuilder(256);
        StringBuilder outputs = new StringBuilder(128);
        int count = 0;
        try {
            for (Pending p : batch) {
                String key = policy.keyColumn(p.model());
                Column keyColumn = key != null && p.input().has(key) ? p.input().column(key) : null;
                List<String> rowIds = new ArrayList<>(p.predictions().size());
                for (int i = 0; i < p.predictions().size(); i++) {
                    String id = ids.id(p.firstNumber() + i);
                    rowIds.add(id);
                    rows.add(LoggedPrediction.of(id, p.model(), p.version(), p.atMs(), p.latencyNanos() / 1000,
                            RowJson.inputs(p.input(), i, inputs), RowJson.prediction(p.predictions(), i),
                            RowJson.outputs(p.predictions(), i, outputs),
                            keyColumn == null || keyColumn.isMissing(i) ? null : keyColumn.format(i)));
                }
                count += rowIds.size();
                shadows.addAll(shadowsOf(p, rowIds));
            }
            sink.write(rows, shadows);
            written.add(count);
        } catch (RuntimeException e) {
            failed.add(rows.size());
            LOG.warn("prediction log: {} rows not written: {}", rows.size(), e.getMessage());
        } finally {
            done.addAndGet(batch.size());
        }
    }

    private List<ShadowPrediction> shadowsOf(Pending p, List<String> rowIds) {
        try {
            return policy.shadows(p.model(), p.version(), p.input(), rowIds);
        } catch (RuntimeException e) {
            LOG.warn("shadow scoring of {} failed: {}", p.model(), e.getMessage());
            return List.of();
        }
    }

    private void maybePurge() {
        long now = clock.millis();
        if (now - lastRetentionMs < RETENTION_EVERY_MS) {
            return;
        }
        lastRetentionMs = now;
        int days = policy.retentionDays();
        long rows = policy.retentionRows();
        if (days > 0 || rows > 0) {
            retention.purge(days > 0 ? now - days * 86_400_000L : 0, rows);
        }
    }

    /** Stops taking requests, writes what is queued (waiting at most 10 s) and stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
