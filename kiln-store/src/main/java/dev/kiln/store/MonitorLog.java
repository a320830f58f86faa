package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.source.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBDriver;

/**
 * The monitoring data of the store: the prediction log, feedback (true labels joined to logged predictions by id)
 * and shadow predictions.
 *
 * <p>The log is columnar. {@link #append} takes {@link PredictionBatch}es into an open segment per model version
 * (in memory, readable at once); a segment is rolled — sorted by id number and written through DuckDB as one
 * Parquet file under {@code predictions/} beside the store, then catalogued in {@code prediction_segments} — when it
 * holds {@code segmentRows} rows or is {@code segmentAge} old ({@link #tick}), and on {@link #roll} and
 * {@link #close}. Rows not yet rolled are lost if the process dies. Retention ({@link #purge}) drops whole
 * segments, with the feedback and shadow rows of their predictions. Feedback and shadow rows are in SQL tables,
 * keyed by prediction id, with the time their prediction was answered.
 *
 * <p>Thread-safe: one writer and any number of readers; a reader sees every appended row exactly once, whether its
 * segment is open, being written or catalogued.
 */
public final class MonitorLog implements AutoCloseable {
    /** Default rows per segment. */
    public static final int SEGMENT_ROWS = 100_000;
    /** Default age at which an open segment is rolled. */
    public static final Duration SEGMENT_AGE = Duration.ofMinutes(1);
    /** Decoded segments kept in memory, at most this many rows in all (and always the last one read). */
    private static final long CACHED_ROWS = 250_000;

    private final Database database;
    private final Path directory;
    private final Clock clock;
    private volatile int segmentRows = SEGMENT_ROWS;
    private volatile long segmentAgeMs = SEGMENT_AGE.toMillis();
    /** Open segments by model, version and id prefix; guarded by {@code this}. */
    private final Map<String, Segment> open = new LinkedHashMap<>();
    /** Segments being written: still read from memory until catalogued; guarded by {@code this}. */
    private final List<Segment> rolling = new ArrayList<>();
    /** The emptied buffer of the last segment written of each model version and prefix, for its next; guarded by {@code this}. */
    private final Map<String, SegmentBuffer> spare = new HashMap<>();
    /** Decoded segment files, least recently used first; guarded by itself. */
    private final LinkedHashMap<String, Frame> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final Object rollLock = new Object();
    /** Writes segment files on one encoder thread (in the background of a busy server); guarded by {@code rollLock}. */
    private ParquetFiles.Writer writer;
    /** Writes rolled segments off the caller's thread, when set ({@link #writeInBackground}); guarded by {@code this}. */
    private java.util.concurrent.ExecutorService background;

    /** An open (or rolling) segment: the rows appended so far. */
    private static final class Segment {
        final String key;
        final String model;
        final int version;
        final String prefix;
        final long openedMs;
        final SegmentBuffer buffer;

        Segment(String key, String model, int version, String prefix, long openedMs, SegmentBuffer buffer) {
            this.key = key;
            this.model = model;
            this.version = version;
            this.prefix = prefix;
            this.openedMs = openedMs;
            this.buffer = buffer;
        }

        int rows() {
            return buffer.rows();
        }
    }

    /** A catalogued segment file. */
    private record SegmentFile(String file, String model, int version, String prefix, long minNumber, long maxNumber,
                               long fromMs, long toMs, long rows, String schema) {
    }

    /** A frame to read rows from, with the id prefix, model and version of its rows. */
    private record Source(Frame frame, String prefix, String model, int version) {
    }

    MonitorLog(Database database, Path directory, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.clock = clock;
    }

    /** Rolls segments at {@code rows} rows or {@code age} of age, whichever comes first. */
    public MonitorLog segments(int rows, Duration age) {
        checkArgument(rows > 0, "segment rows must be positive: %s", rows);
        checkArgument(!age.isNegative() && !age.isZero(), "segment age must be positive: %s", age);
        this.segmentRows = rows;
        this.segmentAgeMs = age.toMillis();
        return this;
    }

    /**
     * Writes segments that fill or age on a thread of their own from now on, so that {@link #append} and
     * {@link #tick} only move them aside (they stay readable in memory until their file is catalogued); a failed
     * write is logged and its rows are lost. {@link #roll} and {@link #close} still write before they return.
     */
    public synchronized MonitorLog writeInBackground() {
        if (background == null) {
            background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kiln-log-segments");
                t.setDaemon(true);
                return t;
            });
        }
        return this;
    }

    private void writeLater(List<Segment> segments) {
        if (segments.isEmpty()) {
            return; // nothing to wait for: taking the roll lock here would stall the caller behind a segment being written
        }
        java.util.concurrent.ExecutorService executor;
        synchronized (this) {
            executor = background;
        }
        if (executor == null) {
            write(segments);
            return;
        }
        executor.execute(() -> {
            try {
                write(segments);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MonitorLog.class).warn("prediction log: segment not written: {}", e.getMessage());
            }
        });
    }

    /** The folder the segment files are in. */
    public Path directory() {
        return directory;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Appends logged predictions (visible to readers at once) and shadow predictions, rolling any segment that
     * reached its size. Shadow rows are written in one transaction.
     */
    public void append(List<PredictionBatch> batches, List<ShadowPrediction> shadows) {
        List<Segment> full = new ArrayList<>();
        synchronized (this) {
            for (PredictionBatch batch : batches) {
                if (batch.rows().rowCount() == 0) {
                    continue;
                }
                String key = batch.model() + '\u0000' + batch.version() + '\u0000' + batch.idPrefix();
                Segment segment = open.get(key);
                if (segment == null) {
                    SegmentBuffer buffer = spare.remove(key);
                    if (buffer == null || !buffer.fits(batch.rows())) {
                        buffer = new SegmentBuffer(batch.rows(), Math.min(segmentRows, 1 << 16));
                    }
                    segment = new Segment(key, batch.model(), batch.version(), batch.idPrefix(), clock.millis(), buffer);
                    open.put(key, segment);
                }
                segment.buffer.append(batch.rows());
                if (segment.rows() >= segmentRows) {
                    open.remove(key);
                    rolling.add(segment);
                    full.add(segment);
                }
            }
        }
        if (!shadows.isEmpty()) {
            long now = clock.millis();
            database.inTransaction(connection -> {
                insertShadows(connection, shadows, now);
                return null;
            });
        }
        writeLater(full);
    }

    /** Rolls the open segments older than the segment age. */
    public void tick() {
        long now = clock.millis();
        List<Segment> due = new ArrayList<>();
        synchronized (this) {
            for (var it = open.values().iterator(); it.hasNext(); ) {
                Segment segment = it.next();
                if (now - segment.openedMs >= segmentAgeMs) {
                    it.remove();
                    rolling.add(segment);
                    due.add(segment);
                }
            }
        }
        writeLater(due);
    }

    /** Rolls every open segment now (a server stopping, a test wanting files). */
    public void roll() {
        List<Segment> all;
        synchronized (this) {
            all = new ArrayList<>(open.values());
            open.clear();
            rolling.addAll(all);
        }
        write(all);
    }

    /** Rows appended but not yet in a segment file. */
    public synchronized long openRows() {
        long n = 0;
        for (Segment s : open.values()) {
            n += s.rows();
        }
        for (Segment s : rolling) {
            n += s.rows();
        }
        return n;
    }

    private void write(List<Segment> segments) {
        synchronized (rollLock) {
            RuntimeException failure = null;
            for (Segment segment : segments) {
                try {
                    writeSegment(segment);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                } finally {
                    synchronized (this) {
                        rolling.remove(segment);
                        // no reader holds the buffer (they copy under this lock): the next segment reuses its arrays
                        segment.buffer.clear();
                        spare.put(segment.key, segment.buffer);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void writeSegment(Segment segment) {
        Frame frame = segment.buffer.sortedBy(LogColumns.NUMBER); // no appends to a rolling segment: read without the lock
        NumericColumn number = frame.numeric(LogColumns.NUMBER);
        NumericColumn at = frame.numeric(LogColumns.AT);
        long fromMs = Long.MAX_VALUE;
        long toMs = Long.MIN_VALUE;
        for (int i = 0; i < at.size(); i++) {
            fromMs = Math.min(fromMs, (long) at.get(i));
            toMs = Math.max(toMs, (long) at.get(i));
        }
        long minNumber = (long) number.get(0);
        long maxNumber = (long) number.get(number.size() - 1);
        String relative = safe(segment.model) + "/v" + segment.version + "/" + safe(segment.prefix) + minNumber + "-" + maxNumber
                + ".parquet";
        Path file = directory.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".segment-", ".parquet.tmp");
            try {
                writer().write(frame, temporary);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            long bytes = Files.size(file);
            String schema = SchemaJson.write(frame.schema());
            long rows = frame.rowCount();
            long from = fromMs;
            long to = toMs;
            // catalogued and taken out of memory in one step, so that a reader sees its rows exactly once
            synchronized (this) {
                database.inTransaction(connection -> Sql.update(connection, "INSERT INTO prediction_segments (file, model, "
                        + "version, id_prefix, min_number, max_number, from_ms, to_ms, row_count, bytes, schema_json, created_ms) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (file) DO NOTHING", relative, segment.model,
                        segment.version, segment.prefix, minNumber, maxNumber, from, to, rows, bytes, schema, clock.millis()));
                rolling.remove(segment);
            }
            // not cached: a busy log would keep every fresh segment in memory for readers that mostly want the open one
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write prediction log segment " + file, e);
        }
    }

    /** The segment file writer, opened on first use; call holding {@code rollLock}. */
    private ParquetFiles.Writer writer() {
        if (writer == null) {
            writer = ParquetFiles.writer(1, false);
        }
        return writer;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void insertShadows(Connection connection, List<ShadowPrediction> shadows, long atMs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shadow_predictions (prediction_id, model, "
                + "version, prediction, outputs, prediction_at_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (prediction_id, version) "
                + "DO NOTHING")) {
            for (ShadowPrediction s : shadows) {
                insert.setString(1, s.predictionId());
                insert.setString(2, s.model());
                insert.setInt(3, s.version());
                insert.setString(4, s.prediction());
                insert.setString(5, s.outputs());
                insert.setLong(6, atMs);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---------------------------------------------------------------- feedback

    /**
     * Records the true {@code label} of logged prediction {@code predictionId}, replacing an earlier one; returns
     * the prediction, or empty (and records nothing) when no prediction with that id is logged.
     */
    public Optional<LoggedPrediction> feedback(String predictionId, String label, long atMs) {
        checkArgument(predictionId != null && !predictionId.isBlank(), "prediction id must not be blank");
        checkArgument(label != null, "label must not be null");
        Optional<LoggedPrediction> found = find(predictionId);
        if (found.isEmpty()) {
            return found;
        }
        LoggedPrediction p = found.get();
        database.inTransaction(connection -> Sql.update(connection, "INSERT INTO feedback (prediction_id, model, label, at_ms, "
                        + "version, prediction_at_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (prediction_id) DO UPDATE SET "
                        + "label = excluded.label, at_ms = excluded.at_ms",
                predictionId, p.model(), label, atMs, p.version(), p.atMs()));
        return Optional.of(new LoggedPrediction(p.id(), p.model(), p.version(), p.atMs(), p.latencyMicros(), p.inputs(),
                p.prediction(), p.outputs(), p.key(), label, atMs));
    }

    // ---------------------------------------------------------------- reading

    /** The logged prediction with this id, with its label if any. */
    public Optional<LoggedPrediction> find(String predictionId) {
        Map<String, LoggedPrediction> found = resolve(List.of(predictionId));
        LoggedPrediction p = found.get(predictionId);
        if (p == null) {
            return Optional.empty();
        }
        List<String[]> label = database.read(connection -> Sql.query(connection,
                "SELECT label, at_ms FROM feedback WHERE prediction_id = ?", rows -> new String[] {rows.getString(1),
                        Long.toString(rows.getLong(2))}, predictionId));
        return Optional.of(label.isEmpty() ? p : withLabel(p, label.get(0)[0], Long.parseLong(label.get(0)[1])));
    }

    /** The id of the newest logged prediction of {@code model} whose key column had {@code key}. */
    public Optional<String> findByKey(String model, String key) {
        List<Source> sources = new ArrayList<>();
        List<SegmentFile> files;
        synchronized (this) {
            for (Segment s : openSegments(model, null)) {
                sources.add(new Source(s.buffer.columns(List.of(LogColumns.KEY, LogColumns.AT, LogColumns.NUMBER)), s.prefix,
                        s.model, s.version));
            }
            files = segments(model, null, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        for (int s = sources.size() - 1; s >= 0; s--) {
            Source source = sources.get(s);
            Frame frame = source.frame();
            if (!frame.has(LogColumns.KEY)) {
                continue;
            }
            Column keys = frame.column(LogColumns.KEY);
            NumericColumn at = frame.numeric(LogColumns.AT);
            int best = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (key.equals(keys.format(i)) && (best < 0 || at.get(i) >= at.get(best))) {
                    best = i;
                }
            }
            if (best >= 0) {
                return Optional.of(source.prefix() + (long) frame.numeric(LogColumns.NUMBER).get(best));
            }
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Map<String, SegmentFile> byPath = new HashMap<>();
        List<String> literals = new ArrayList<>();
        for (SegmentFile f : files) {
            String path = directory.resolve(f.file()).toAbsolutePath().toString();
            if (Files.isRegularFile(Path.of(path)) && schemaHas(f.schema(), LogColumns.KEY)) {
                byPath.put(path, f);
                literals.add("'" + path.replace("'", "''") + "'");
            }
        }
        if (literals.isEmpty()) {
            return Optional.empty();
        }
        String sql = "SELECT filename, \"" + LogColumns.NUMBER + "\" FROM read_parquet([" + String.join(", ", literals)
                + "], filename = true, union_by_name = true) WHERE \"" + LogColumns.KEY + "\" = ? ORDER BY \"" + LogColumns.AT
                + "\" DESC, \"" + LogColumns.NUMBER + "\" DESC LIMIT 1";
        try (Connection duck = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             PreparedStatement statement = duck.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                SegmentFile f = byPath.get(rows.getString(1));
                return f == null ? Optional.empty() : Optional.of(f.prefix() + (long) rows.getDouble(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot search the prediction log of " + model + " for key " + key + ": " + e.getMessage(), e);
        }
    }

    private static boolean schemaHas(String schemaJson, String column) {
        return schemaJson.contains("\"" + column + "\"");
    }

    /**
     * The newest {@code limit} logged predictions of {@code version} of {@code model} answered in [{@code fromMs},
     * {@code toMs}), oldest first, in columnar form, with their labels where feedback arrived.
     */
    public LogWindow window(String model, int version, long fromMs, long toMs, int limit) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        List<Source> sources;
        List<SegmentFile> files;
        synchronized (this) {
            sources = new ArrayList<>(openSources(model, version));
            files = segments(model, version, fromMs, toMs);
        }
        // the times of the rows in range, to find the oldest time the newest `limit` rows can have (primitive arrays:
        // the monitor reads a small window out of a large open segment every few seconds)
        Times times = new Times();
        for (Source source : sources) {
            times.addInRange(source.frame(), fromMs, toMs);
        }
        for (SegmentFile f : files) {
            if (times.count >= limit && f.toMs() < times.kthNewest(limit)) {
                break;
            }
            Frame frame = load(f);
            if (frame == null) {
                continue;
            }
            sources.add(new Source(frame, f.prefix(), f.model(), f.version()));
            times.addInRange(frame, fromMs, toMs);
        }
        if (times.count == 0) {
            return LogWindow.empty(model, version);
        }
        long threshold = times.count > limit ? times.kthNewest(limit) : Long.MIN_VALUE;
        // the candidates: rows in range at or after the threshold (the newest `limit`, and ties)
        int capacity = Math.min(times.count, limit) + 16;
        int[] candidateSource = new int[capacity];
        int[] candidateRow = new int[capacity];
        long[] candidateAt = new long[capacity];
        long[] candidateNumber = new long[capacity];
        int m = 0;
        for (int s = 0; s < sources.size(); s++) {
            NumericColumn at = sources.get(s).frame().numeric(LogColumns.AT);
            NumericColumn number = sources.get(s).frame().numeric(LogColumns.NUMBER);
            for (int i = 0; i < at.size(); i++) {
                long t = (long) at.get(i);
                if (t >= fromMs && t < toMs && t >= threshold) {
                    if (m == candidateSource.length) {
                        int grown = m * 2;
                        candidateSource = Arrays.copyOf(candidateSource, grown);
                        candidateRow = Arrays.copyOf(candidateRow, grown);
                        candidateAt = Arrays.copyOf(candidateAt, grown);
                        candidateNumber = Arrays.copyOf(candidateNumber, grown);
                    }
                    candidateSource[m] = s;
                    candidateRow[m] = i;
                    candidateAt[m] = t;
                    candidateNumber[m] = (long) number.get(i);
                    m++;
                }
            }
        }
        long[] byAt = candidateAt;
        long[] byNumber = candidateNumber;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> byAt[x] != byAt[y] ? Long.compare(byAt[x], byAt[y]) : Long.compare(byNumber[x], byNumber[y]));
        int n = Math.min(m, limit);
        int[] from = new int[n];
        int[] rows = new int[n];
        String[] prefixes = new String[n];
        for (int i = 0; i < n; i++) {
            int c = order[m - n + i];
            from[i] = candidateSource[c];
            rows[i] = candidateRow[c];
            prefixes[i] = sources.get(from[i]).prefix();
        }
        long firstAt = candidateAt[order[m - n]];
        long lastAt = candidateAt[order[m - 1]];
        List<Frame> frames = new ArrayList<>();
        for (Source s : sources) {
            frames.add(s.frame());
        }
        Frame frame = LogFrames.gather(frames, from, rows);
        String[] labels = new String[n];
        long[] labelAt = new long[n];
        attachLabels(model, firstAt, lastAt, frame, prefixes, labels, labelAt);
        return new LogWindow(model, version, frame, prefixes, labels, labelAt);
    }

    /** The answer times of the rows in a window's range, gathered from its sources. */
    private static final class Times {
        long[] values = new long[1024];
        int count;

        void addInRange(Frame frame, long fromMs, long toMs) {
            NumericColumn at = frame.numeric(LogColumns.AT);
            if (values.length < count + at.size()) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, count + at.size()));
            }
            for (int i = 0; i < at.size(); i++) {
                long t = (long) at.get(i);
                if (t >= fromMs && t < toMs) {
                    values[count++] = t;
                }
            }
        }

        /** The {@code k}-th newest time ({@code k <= count}). */
        long kthNewest(int k) {
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return sorted[count - k];
        }
    }

    private void attachLabels(String model, long fromMs, long toMs, Frame frame, String[] prefixes, String[] labels,
                              long[] labelAt) {
        Map<String, Object[]> found = new HashMap<>();
        database.read(connection -> Sql.query(connection, "SELECT prediction_id, label, at_ms FROM feedback WHERE model = ? "
                        + "AND prediction_at_ms >= ? AND prediction_at_ms <= ?",
                rows -> found.put(rows.getString(1), new Object[] {rows.getString(2), rows.getLong(3)}), model, fromMs, toMs));
        if (found.isEmpty()) {
            return;
        }
        NumericColumn number = frame.numeric(LogColumns.NUMBER);
        for (int i = 0; i < prefixes.length; i++) {
            Object[] label = found.get(prefixes[i] + (long) number.get(i));
            if (label != null) {
                labels[i] = (String) label[0];
                labelAt[i] = (Long) label[1];
            }
        }
    }

    /**
     * The newest {@code limit} logged predictions of {@code model} answered in [{@code fromMs}, {@code toMs}), oldest
     * first. With {@code labelledOnly}, the predictions whose labels arrived last, read through the feedback table
     * (so that few labels among many predictions cost little), again in the order they were answered.
     * {@code version} null means every version.
     */
    public List<LoggedPrediction> window(String model, Integer version, long fromMs, long toMs, int limit,
                                         boolean labelledOnly) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        if (!labelledOnly) {
            List<LoggedPrediction> out = new ArrayList<>();
            Set<Integer> versions = new TreeSet<>();
            if (version != null) {
                versions.add(version);
            } else {
                versions.addAll(versions(model));
            }
            for (int v : versions) {
                out.addAll(window(model, v, fromMs, toMs, limit).predictions(limit));
            }
            out.sort(Comparator.comparingLong(LoggedPrediction::atMs).thenComparing(LoggedPrediction::id));
            return new ArrayList<>(out.subList(Math.max(0, out.size() - limit), out.size()));
        }
        StringBuilder sql = new StringBuilder("SELECT prediction_id, label, at_ms FROM feedback WHERE model = ? AND "
                + "prediction_at_ms >= ? AND prediction_at_ms < ?");
        List<Object> args = new ArrayList<>(List.of(model, fromMs, toMs));
        if (version != null) {
            sql.append(" AND version = ?");
            args.add(version);
        }
        sql.append(" ORDER BY at_ms DESC, prediction_id DESC LIMIT ?");
        args.add(limit);
        Map<String, Object[]> labels = new LinkedHashMap<>();
        database.read(connection -> Sql.query(connection, sql.toString(), rows -> labels.put(rows.getString(1),
                new Object[] {rows.getString(2), rows.getLong(3)}), args.toArray()));
        Map<String, LoggedPrediction> found = resolve(labels.keySet());
        List<LoggedPrediction> out = new ArrayList<>();
        labels.forEach((id, label) -> {
            LoggedPrediction p = found.get(id);
            if (p != null) {
                out.add(withLabel(p, (String) label[0], (Long) label[1]));
            }
        });
        out.sort(Comparator.comparingLong(LoggedPrediction::atMs).thenComparing(LoggedPrediction::id));
        return out;
    }

    /**
     * The newest {@code limit} shadow predictions of {@code version} of {@code model} for predictions answered since
     * {@code fromMs} that have a label, oldest first, each with the label and the champion's logged prediction.
     */
    public List<ShadowComparison> shadowed(String model, int version, long fromMs, int limit) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        List<String[]> rows = database.read(connection -> Sql.query(connection,
                "SELECT s.prediction_id, s.prediction, s.outputs, f.label, f.at_ms FROM shadow_predictions s"
                        + " JOIN feedback f ON f.prediction_id = s.prediction_id"
                        + " WHERE s.model = ? AND s.version = ? AND f.prediction_at_ms >= ?"
                        + " ORDER BY f.prediction_at_ms DESC, s.prediction_id DESC LIMIT ?",
                r -> new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), Long.toString(r.getLong(5))},
                model, version, fromMs, limit));
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r[0]));
        Map<String, LoggedPrediction> found = resolve(ids);
        List<ShadowComparison> out = new ArrayList<>();
        for (String[] r : rows) {
            LoggedPrediction p = found.get(r[0]);
            if (p != null) {
                out.add(new ShadowComparison(withLabel(p, r[3], Long.parseLong(r[4])),
                        new ShadowPrediction(r[0], model, version, r[1], r[2], r[3])));
            }
        }
        out.sort(Comparator.comparingLong((ShadowComparison c) -> c.logged().atMs()).thenComparing(c -> c.logged().id()));
        return out;
    }

    /** A logged prediction with its label, next to what a shadow version predicted for the same inputs. */
    public record ShadowComparison(LoggedPrediction logged, ShadowPrediction shadow) {
    }

    /** How many predictions of {@code model} are logged (every model when null). */
    public synchronized long count(String model) {
        long n = database.read(connection -> model == null
                ? Sql.query(connection, "SELECT COALESCE(SUM(row_count), 0) FROM prediction_segments", r -> r.getLong(1)).get(0)
                : Sql.query(connection, "SELECT COALESCE(SUM(row_count), 0) FROM prediction_segments WHERE model = ?",
                        r -> r.getLong(1), model).get(0));
        for (Segment s : openSegments(model, null)) {
            n += s.rows();
        }
        return n;
    }

    /** How many logged predictions of {@code model} have a label. */
    public long countLabelled(String model) {
        return database.read(connection -> Sql.query(connection, "SELECT COUNT(*) FROM feedback WHERE model = ?",
                rows -> rows.getLong(1), model).get(0));
    }

    /** The names of the models with logged predictions, sorted. */
    public List<String> models() {
        List<String> catalogued = database.read(connection -> Sql.query(connection,
                "SELECT DISTINCT model FROM prediction_segments", rows -> rows.getString(1)));
        Set<String> names = new TreeSet<>(catalogued);
        for (Segment s : openSegments(null, null)) {
            names.add(s.model);
        }
        return new ArrayList<>(names);
    }

    private Set<Integer> versions(String model) {
        List<Integer> catalogued = database.read(connection -> Sql.query(connection,
                "SELECT DISTINCT version FROM prediction_segments WHERE model = ?", rows -> rows.getInt(1), model));
        Set<Integer> out = new TreeSet<>(catalogued);
        for (Segment s : openSegments(model, null)) {
            out.add(s.version);
        }
        return out;
    }

    // ---------------------------------------------------------------- retention

    /**
     * Retention: deletes the segments whose newest prediction was answered before {@code beforeMs} and, when
     * {@code keepRows} is positive, the oldest segments of each model beyond the newest {@code keepRows} rows (so
     * between {@code keepRows} and one segment more are kept), with the feedback and shadow rows of their
     * predictions. Rows not yet rolled into a segment are not touched. Returns how many predictions went.
     */
    public long purge(long beforeMs, long keepRows) {
        synchronized (rollLock) {
            List<SegmentFile> all = segments(null, null, Long.MIN_VALUE, Long.MAX_VALUE);
            Map<String, List<SegmentFile>> byModel = new LinkedHashMap<>();
            for (SegmentFile f : all) {
                byModel.computeIfAbsent(f.model(), m -> new ArrayList<>()).add(f);
            }
            long deleted = 0;
            for (var entry : byModel.entrySet()) {
                List<SegmentFile> newestFirst = entry.getValue();
                List<SegmentFile> gone = new ArrayList<>();
                long kept = 0;
                for (SegmentFile f : newestFirst) {
                    boolean old = f.toMs() < beforeMs;
                    boolean beyond = keepRows > 0 && kept >= keepRows;
                    if (old || beyond) {
                        gone.add(f);
                    } else {
                        kept += f.rows();
                    }
                }
                if (gone.isEmpty()) {
                    continue;
                }
                long keptFrom = Long.MAX_VALUE;
                for (SegmentFile f : newestFirst) {
                    if (!gone.contains(f)) {
                        keptFrom = Math.min(keptFrom, f.fromMs());
                    }
                }
                for (Frame open : openColumns(entry.getKey(), List.of(LogColumns.AT))) {
                    NumericColumn at = open.numeric(LogColumns.AT);
                    for (int i = 0; i < at.size(); i++) {
                        keptFrom = Math.min(keptFrom, (long) at.get(i));
                    }
                }
                long goneTo = Long.MIN_VALUE;
                for (SegmentFile f : gone) {
                    goneTo = Math.max(goneTo, f.toMs());
                }
                long cut = Math.min(keptFrom, goneTo + 1);
                String model = entry.getKey();
                database.inTransaction(connection -> {
                    for (SegmentFile f : gone) {
                        Sql.update(connection, "DELETE FROM prediction_segments WHERE file = ?", f.file());
                    }
                    Sql.update(connection, "DELETE FROM feedback WHERE model = ? AND prediction_at_ms < ?", model, cut);
                    Sql.update(connection, "DELETE FROM shadow_predictions WHERE model = ? AND prediction_at_ms < ?", model, cut);
                    return null;
                });
                for (SegmentFile f : gone) {
                    deleted += f.rows();
                    synchronized (cache) {
                        cache.remove(f.file());
                    }
                    try {
                        Files.deleteIfExists(directory.resolve(f.file()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot delete prediction log segment " + f.file(), e);
                    }
                }
            }
            return deleted;
        }
    }

    /** Forgets the decoded segments kept in memory (the next read decodes its files again). */
    public void clearCache() {
        synchronized (cache) {
            cache.clear();
        }
    }

    /** Rolls what is open into segment files and waits for the segments being written in the background. */
    @Override
    public void close() {
        java.util.concurrent.ExecutorService executor;
        synchronized (this) {
            executor = background;
            background = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        roll();
        synchronized (rollLock) {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        }
    }

    // ---------------------------------------------------------------- internals

    /** The open and rolling segments of {@code model} (every model when null) and {@code version} (every when null). */
    private synchronized List<Segment> openSegments(String model, Integer version) {
        List<Segment> out = new ArrayList<>();
        List<Segment> all = new ArrayList<>(rolling);
        all.addAll(open.values());
        for (Segment s : all) {
            if ((model == null || s.model.equals(model)) && (version == null || s.version == version)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Columns {@code names} of the open and rolling segments of {@code model} (every model when null), copied. */
    private synchronized List<Frame> openColumns(String model, List<String> names) {
        List<Frame> out = new ArrayList<>();
        for (Segment s : openSegments(model, null)) {
            out.add(s.buffer.columns(names));
        }
        return out;
    }

    /** The rows of the open and rolling segments of {@code model} and {@code version} (null: all), copied. */
    private synchronized List<Source> openSources(String model, Integer version) {
        List<Source> out = new ArrayList<>();
        for (Segment s : openSegments(model, version)) {
            out.add(new Source(s.buffer.frame(), s.prefix, s.model, s.version));
        }
        return out;
    }

    /** The catalogued segments of {@code model} and {@code version} (null: all) overlapping [from, to), newest first. */
    private List<SegmentFile> segments(String model, Integer version, long fromMs, long toMs) {
        StringBuilder sql = new StringBuilder("SELECT file, model, version, id_prefix, min_number, max_number, from_ms, to_ms, "
                + "row_count, schema_json FROM prediction_segments WHERE to_ms >= ? AND from_ms < ?");
        List<Object> args = new ArrayList<>(List.of(fromMs, toMs));
        if (model != null) {
            sql.append(" AND model = ?");
            args.add(model);
        }
        if (version != null) {
            sql.append(" AND version = ?");
            args.add(version);
        }
        sql.append(" ORDER BY to_ms DESC, file DESC");
        return database.read(connection -> Sql.query(connection, sql.toString(), MonitorLog::toSegment, args.toArray()));
    }

    private static SegmentFile toSegment(ResultSet r) throws SQLException {
        return new SegmentFile(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getLong(5), r.getLong(6),
                r.getLong(7), r.getLong(8), r.getLong(9), r.getString(10));
    }

    /** A segment's rows, from the cache or its file; null when the file is gone (retention by another process). */
    private Frame load(SegmentFile f) {
        synchronized (cache) {
            Frame cached = cache.get(f.file());
            if (cached != null) {
                return cached;
            }
        }
        Path file = directory.resolve(f.file());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Frame frame = ParquetFiles.read(file, SchemaJson.read(f.schema()));
        synchronized (cache) {
            cache.put(f.file(), frame);
            trimCache();
        }
        return frame;
    }

    private void trimCache() {
        long rows = 0;
        for (Frame frame : cache.values()) {
            rows += frame.rowCount();
        }
        var eldest = cache.values().iterator();
        while (cache.size() > 1 && rows > CACHED_ROWS) {
            rows -= eldest.next().rowCount();
            eldest.remove();
        }
    }

    /** The logged predictions with these ids (those found), without labels. */
    private Map<String, LoggedPrediction> resolve(Collection<String> ids) {
        Map<String, Map<Long, String>> wanted = new HashMap<>();
        for (String id : ids) {
            int dash = id.lastIndexOf('-');
            if (dash < 0) {
                continue;
            }
            try {
                long number = Long.parseLong(id.substring(dash + 1));
                wanted.computeIfAbsent(id.substring(0, dash + 1), p -> new HashMap<>()).put(number, id);
            } catch (NumberFormatException e) {
                // not an id of ours
            }
        }
        Map<String, LoggedPrediction> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        Map<String, List<SegmentFile>> filesByPrefix = new HashMap<>();
        synchronized (this) {
            // the open segments are searched in place: a feedback request copies the one row it wants, not a segment
            for (Segment s : openSegments(null, null)) {
                Map<Long, String> numbers = wanted.get(s.prefix);
                if (numbers != null) {
                    resolveOpen(s, numbers, out);
                }
            }
            for (String prefix : wanted.keySet()) {
                filesByPrefix.put(prefix, database.read(connection -> Sql.query(connection, "SELECT file, model, version, "
                        + "id_prefix, min_number, max_number, from_ms, to_ms, row_count, schema_json FROM prediction_segments "
                        + "WHERE id_prefix = ? ORDER BY min_number", MonitorLog::toSegment, prefix)));
            }
        }
        for (var entry : wanted.entrySet()) {
            List<Long> missing = new ArrayList<>();
            for (var n : entry.getValue().entrySet()) {
                if (!out.containsKey(n.getValue())) {
                    missing.add(n.getKey());
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            List<SegmentFile> files = filesByPrefix.get(entry.getKey());
            for (long number : missing) {
                for (SegmentFile f : files) {
                    if (number < f.minNumber() || number > f.maxNumber()) {
                        continue;
                    }
                    Frame frame = load(f);
                    if (frame == null) {
                        continue;
                    }
                    int row = search(frame.numeric(LogColumns.NUMBER), number);
                    if (row >= 0) {
                        out.put(entry.getValue().get(number), toPrediction(f.model(), f.version(), f.prefix(), frame, row, null, 0));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Adds the predictions of open segment {@code s} whose id numbers are keys of {@code numbers} (to their ids) to
     * {@code out}: one pass over the segment's id column in place, and a copy of only the rows found.
     */
    private static void resolveOpen(Segment s, Map<Long, String> numbers, Map<String, LoggedPrediction> out) {
        Map<Long, Integer> found = s.buffer.lastRows(LogColumns.NUMBER, numbers.keySet());
        found.keySet().removeIf(n -> out.containsKey(numbers.get(n)));
        List<Long> ids = new ArrayList<>(found.keySet());
        Frame rows = s.buffer.rows(ids.stream().mapToInt(found::get).toArray());
        for (int i = 0; i < ids.size(); i++) {
            out.put(numbers.get(ids.get(i)), toPrediction(s.model, s.version, s.prefix, rows, i, null, 0));
        }
    }

    /** The row holding id number {@code number} in a segment (sorted by number), or -1. */
    private static int search(NumericColumn numbers, long number) {
        int lo = 0;
        int hi = numbers.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double v = numbers.get(mid);
            if (v < number) {
                lo = mid + 1;
            } else if (v > number) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static LoggedPrediction withLabel(LoggedPrediction p, String label, long atMs) {
        return new LoggedPrediction(p.id(), p.model(), p.version(), p.atMs(), p.latencyMicros(), p.inputs(), p.prediction(),
                p.outputs(), p.key(), label, atMs);
    }

    static LoggedPrediction toPrediction(String model, int version, String prefix, Frame frame, int row, String label,
                                         long labelAtMs) {
        String key = frame.has(LogColumns.KEY) ? frame.column(LogColumns.KEY).format(row) : null;
        double latency = frame.has(LogColumns.LATENCY) ? frame.numeric(LogColumns.LATENCY).get(row) : 0;
        return new LoggedPrediction(prefix + (long) frame.numeric(LogColumns.NUMBER).get(row), model, version,
                (long) frame.numeric(LogColumns.AT).get(row), (long) latency, LogText.inputs(LogColumns.features(frame), row),
                LogText.prediction(frame, row), LogText.outputs(frame, LogColumns.classes(frame), row), key, label, labelAtMs);
    }
}
