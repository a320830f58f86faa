package dev.kiln.server.monitor;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.store.MonitorLog;
import dev.kiln.store.PredictionBatch;
import dev.kiln.store.ShadowPrediction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prediction log. On the request path a sampled request costs one random draw, one atomic add for its ids and
 * a copy: a raw row of the compiled one-record path ({@link #recordRow}) is copied into a preallocated slot of a
 * bounded {@link RowRing}; a decoded frame ({@link #record}: batches, the other protocols, shadowed models) goes
 * by reference into a bounded queue. Nothing is encoded there, and a full ring or queue drops the row and counts it,
 * never waits. One writer thread takes what is there (up to 4,096 rows and 2,048 frames a round; it looks every
 * 10 ms when idle), copies it column by column into one {@link LogRows} batch per model version, runs shadow
 * versions on the frames, and hands the batches to a {@link Sink} (the store's columnar log); once a second it lets
 * the sink roll its segments, once a minute it applies retention. Memory is bounded by the ring, the queue and the
 * batch being written. Thread-safe. {@link #close} writes what is queued.
 */
public final class AsyncPredictionLog implements PredictionLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncPredictionLog.class);
    private static final int ROW_BATCH = 4096;
    private static final int FRAME_BATCH = 2048;
    /**
     * The ring holds at most this many rows: 0.4 s of a busy server's requests, for the writer's pauses, in a few MB
     * that mostly stay in the processor's cache (with 32,768 slots of the earlier layout, logging cost the request
     * threads about 2 us more per row than with 4,096).
     */
    private static final int MAX_RING = 16_384;
    private static final long RETENTION_EVERY_MS = 60_000;
    private static final long TICK_EVERY_MS = 1_000;
    /** How long the writer sleeps when there is nothing to write. */
    private static final long IDLE_MILLIS = 10;

    /** Where batches of logged rows go: the store's {@code MonitorLog} in a server. */
    @FunctionalInterface
    public interface Sink {
        void write(List<PredictionBatch> batches, List<ShadowPrediction> shadows);

        /** Called about once a second on the writer thread (the store rolls aged segments). */
        default void tick() {
        }

        /** Called once when the writer stops, after the last write. */
        default void close() {
        }

        /** The store's columnar log as a sink: batches appended, aged segments rolled on ticks, closed at the end. */
        static Sink of(MonitorLog log) {
            return new Sink() {
                @Override
                public void write(List<PredictionBatch> batches, List<ShadowPrediction> shadows) {
                    log.append(batches, shadows);
                }

                @Override
                public void tick() {
                    log.tick();
                }

                @Override
                public void close() {
                    log.close();
                }
            };
        }
    }

    /** Applies retention: deletes rows answered before {@code beforeMs}, keeps the newest {@code keepRows}. */
    @FunctionalInterface
    public interface Retention {
        void purge(long beforeMs, long keepRows);
    }

    private record Pending(long firstNumber, LogLayout layout, long atMs, long latencyNanos, Frame input,
                           Predictions predictions) {
    }

    private final Sink sink;
    private final Retention retention;
    private final LogPolicy policy;
    private final Clock clock;
    private final RowRing ring;
    private final BlockingQueue<Pending> queue;
    private final PredictionIds ids = new PredictionIds();
    private final LongAdder dropped = new LongAdder();
    /** Frames queued so far (raw rows are counted by the ring's claims). */
    private final AtomicLong acceptedFrames = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final LongAdder written = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Thread writer;
    private volatile boolean closing;
    private long lastRetentionMs;
    private long lastTickMs;

    /** A log of {@code capacity} queued requests at most, writing to {@code sink}; starts its writer thread. */
    public AsyncPredictionLog(Sink sink, Retention retention, LogPolicy policy, int capacity, Clock clock) {
        this.sink = sink;
        this.retention = retention;
        this.policy = policy;
        this.clock = clock;
        this.ring = new RowRing(Math.min(capacity, MAX_RING));
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.lastRetentionMs = clock.millis();
        this.lastTickMs = lastRetentionMs;
        this.writer = new Thread(this::writeLoop, "kiln-prediction-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public double sampleRate(String model) {
        return policy.sample(model);
    }

    @Override
    public boolean acceptsRows(String model) {
        return !policy.shadowed(model);
    }

    @Override
    public String keyColumn(String model) {
        return policy.keyColumn(model);
    }

    private boolean sampled(String model) {
        double rate = policy.sample(model);
        return rate > 0 && (rate >= 1 || ThreadLocalRandom.current().nextDouble() < rate);
    }

    @Override
    public String record(LogLayout layout, Frame input, Predictions predictions, long latencyNanos) {
        if (!sampled(layout.model())) {
            return null;
        }
        long first = ids.reserve(predictions.size());
        if (closing || !queue.offer(new Pending(first, layout, clock.millis(), latencyNanos, input, predictions))) {
            dropped.add(predictions.size());
            return null;
        }
        acceptedFrames.incrementAndGet();
        return ids.id(first);
    }

    @Override
    public String recordRow(LogLayout layout, double[] row, String[] texts, double[] outputs, String key, long latencyNanos) {
        if (!sampled(layout.model())) {
            return null;
        }
        long sequence = closing ? -1 : ring.claim();
        if (sequence < 0) {
            dropped.increment();
            return null;
        }
        long number = ids.reserve(1);
        ring.put(sequence, layout, number, clock.millis(), latencyNanos, row, texts, outputs,
                Math.min(outputs.length, layout.outputs()), key);
        ring.publish(sequence);
        return ids.id(number);
    }

    /** The id prefix of this log's rows (ids are the prefix and a number). */
    public String idPrefix() {
        return ids.prefix();
    }

    /** Waits until every request queued before this call is written (or failed), at most {@code timeout}. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = acceptedFrames.get() + ring.claimedCount();
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

    /** Rows not logged because the ring or queue was full (or the log closing). */
    public long dropped() {
        return dropped.sum();
    }

    /** Rows lost because the sink failed. */
    public long failed() {
        return failed.sum();
    }

    /** Requests waiting to be written now. */
    public int queued() {
        return queue.size() + ring.pending();
    }

    /**
     * Drains the ring and the queue, writes what it got, and sleeps 10 ms when there was nothing: the writer never
     * waits on them, so a request never has to wake it (no signal, no context switch per request), and a busy log
     * writes one batch per model version and round instead of one per request.
     */
    private void writeLoop() {
        List<Pending> frames = new ArrayList<>(FRAME_BATCH);
        Map<LogLayout, LogRows> batches = new IdentityHashMap<>();
        while (!closing || !queue.isEmpty() || ring.pending() > 0) {
            try {
                int rows = ring.drain(r -> rowsOf(batches, r.layout).addRow(r), ROW_BATCH);
                queue.drainTo(frames, FRAME_BATCH);
                if (rows == 0 && frames.isEmpty()) {
                    Thread.sleep(IDLE_MILLIS);
                } else {
                    write(batches, frames, rows);
                    recycle(batches);
                }
                frames.clear();
                maintain();
            } catch (InterruptedException e) {
                closing = true;
            } catch (RuntimeException e) {
                batches.clear();
                frames.clear();
                LOG.warn("prediction log: {}", e.getMessage());
            }
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.warn("prediction log: closing the sink failed: {}", e.getMessage());
        }
    }

    /**
     * Keeps the builders used this round, emptied, for the next; drops those that were not (a version no longer
     * served) and those whose model's key column changed.
     */
    private void recycle(Map<LogLayout, LogRows> batches) {
        for (var it = batches.values().iterator(); it.hasNext(); ) {
            LogRows rows = it.next();
            if (rows.size() == 0 || !java.util.Objects.equals(rows.keyField(), policy.keyColumn(rows.layout().model()))) {
                it.remove();
            } else {
                rows.reset();
            }
        }
    }

    private LogRows rowsOf(Map<LogLayout, LogRows> batches, LogLayout layout) {
        LogRows rows = batches.get(layout);
        if (rows == null) {
            rows = new LogRows(layout, policy.keyColumn(layout.model()));
            batches.put(layout, rows);
        }
        return rows;
    }

    private void write(Map<LogLayout, LogRows> batches, List<Pending> frames, int rawRows) {
        List<ShadowPrediction> shadows = new ArrayList<>();
        int count = 0;
        try {
            for (Pending p : frames) {
                LogRows rows = rowsOf(batches, p.layout());
                LogLayout layout = p.layout();
                Column[] columns = new Column[layout.width()];
                for (int s = 0; s < columns.length; s++) {
                    columns[s] = p.input().has(layout.name(s)) ? p.input().column(layout.name(s)) : null;
                }
                String key = rows.keyField();
                Column keyColumn = key != null && p.input().has(key) ? p.input().column(key) : null;
                List<String> rowIds = new ArrayList<>(p.predictions().size());
                for (int i = 0; i < p.predictions().size(); i++) {
                    rowIds.add(ids.id(p.firstNumber() + i));
                    rows.addFrameRow(p.firstNumber() + i, p.atMs(), p.latencyNanos() / 1000, columns, keyColumn,
                            p.predictions(), i);
                }
                shadows.addAll(shadowsOf(p, rowIds));
            }
            List<PredictionBatch> out = new ArrayList<>(batches.size());
            for (LogRows rows : batches.values()) {
                if (rows.size() == 0) {
                    continue;
                }
                count += rows.size();
                out.add(new PredictionBatch(rows.layout().model(), rows.layout().version(), ids.prefix(), rows.build()));
            }
            sink.write(out, shadows);
            written.add(count);
        } catch (RuntimeException e) {
            int lost = 0;
            for (LogRows rows : batches.values()) {
                lost += rows.size();
            }
            failed.add(lost);
            LOG.warn("prediction log: {} rows not written: {}", lost, e.getMessage());
        } finally {
            done.addAndGet(frames.size() + rawRows);
        }
    }

    private List<ShadowPrediction> shadowsOf(Pending p, List<String> rowIds) {
        try {
            return policy.shadows(p.layout().model(), p.layout().version(), p.input(), rowIds);
        } catch (RuntimeException e) {
            LOG.warn("shadow scoring of {} failed: {}", p.layout().model(), e.getMessage());
            return List.of();
        }
    }

    private void maintain() {
        long now = clock.millis();
        if (now - lastTickMs >= TICK_EVERY_MS) {
            lastTickMs = now;
            try {
                sink.tick();
            } catch (RuntimeException e) {
                LOG.warn("prediction log: rolling segments failed: {}", e.getMessage());
            }
        }
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

    /** Stops taking requests, writes what is queued (waiting at most 10 s), lets the sink close and stops the writer. */
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
