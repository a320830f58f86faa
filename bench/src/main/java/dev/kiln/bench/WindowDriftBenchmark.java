package dev.kiln.bench;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.monitor.DriftMethod;
import dev.kiln.monitor.DriftReference;
import dev.kiln.monitor.DriftSummary;
import dev.kiln.server.monitor.WindowFrames;
import dev.kiln.store.KilnStore;
import dev.kiln.store.LogColumns;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.PredictionBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Windowed drift as the monitor computes it: 30 features (25 numeric, 5 categorical of 12 levels) of a 100,000-row
 * window against a reference fitted on 100,000 training rows, half the numeric features shifted. {@code drift} (features in
 * parallel on the common pool) and {@code driftOneThread}
 * time {@link DriftSummary#of} (every feature's PSI and the method's verdict, the dataset-level share, prediction
 * drift); {@code decode} times turning the window's logged JSON inputs back into a frame ({@link WindowFrames}), the
 * format of the log before it was columnar; {@code window} reads the same 100,000 rows from the columnar log, its
 * Parquet segment decoded afresh (through DuckDB), and shapes them for drift; {@code windowCached} the same with the
 * segment already decoded in memory (as after the writer rolled it).
 * Target: drift under 1 s.
 *
 * <p>Usage: {@code java -Xmx2g -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main WindowDrift}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class WindowDriftBenchmark {
    private static final int NUMERIC = 25;
    private static final int CATEGORICAL = 5;
    private static final int ROWS = 100_000;

    /** auto (normed Wasserstein / Jensen-Shannon at this size), psi, or ks (exact tests on the reference sample). */
    @Param({"auto", "psi", "ks"})
    public String method;

    private DriftReference reference;
    private Frame window;
    private Column predictions;
    private List<LoggedPrediction> logged;
    private dev.kiln.data.Schema schema;
    private java.nio.file.Path dir;
    private KilnStore store;

    private static Frame frame(long seed, double shift) {
        Random random = new Random(seed);
        List<Column> columns = new ArrayList<>();
        for (int f = 0; f < NUMERIC; f++) {
            double[] x = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                x[i] = random.nextGaussian() + (f % 2 == 0 ? shift : 0);
            }
            columns.add(NumericColumn.of("x" + f, x));
        }
        for (int f = 0; f < CATEGORICAL; f++) {
            String[] c = new String[ROWS];
            for (int i = 0; i < ROWS; i++) {
                c[i] = "level" + (int) Math.min(11, Math.abs(random.nextGaussian() * 4));
            }
            columns.add(CategoricalColumn.ofLabels("c" + f, c));
        }
        return Frame.of(columns);
    }

    private static Column labels(long seed, double share) {
        Random random = new Random(seed);
        String[] out = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            out[i] = random.nextDouble() < share ? "yes" : "no";
        }
        return CategoricalColumn.ofLabels("prediction", out);
    }

    @Setup(Level.Trial)
    public void setUp() {
        reference = DriftReference.fit(frame(1, 0), labels(2, 0.3), 0.1, 0.25);
        window = frame(3, 0.3);
        predictions = labels(4, 0.4);
        schema = dev.kiln.data.Schema.of(window);
        logged = new ArrayList<>(ROWS);
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            json.setLength(0);
            json.append('{');
            for (Column column : window.columns()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(column.name()).append("\":");
                json.append(column instanceof NumericColumn n ? Double.toString(n.get(i)) : "\"" + column.format(i) + "\"");
            }
            json.append('}');
            logged.add(LoggedPrediction.of("p-" + i, "m", 1, i, 100, json.toString(), "no", "{}", null));
        }
        try {
            dir = java.nio.file.Files.createTempDirectory("kiln-window-bench");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        store = KilnStore.open(dir);
        double[] numbers = new double[ROWS];
        String[] keys = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            numbers[i] = i;
        }
        List<Column> columns = new ArrayList<>(List.of(NumericColumn.of(LogColumns.NUMBER, numbers),
                NumericColumn.of(LogColumns.AT, numbers), NumericColumn.of(LogColumns.LATENCY, new double[ROWS]),
                dev.kiln.data.TextColumn.of(LogColumns.KEY, keys), predictions.rename(LogColumns.PREDICTION)));
        columns.addAll(window.columns());
        store.monitorLog().append(List.of(new PredictionBatch("m", 1, "p-", Frame.of(columns))), List.of());
        store.monitorLog().roll();
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public DriftSummary drift() {
        return DriftSummary.of(reference, window, predictions, DriftMethod.fromLabel(method), 0.5,
                java.util.concurrent.ForkJoinPool.commonPool());
    }

    @Benchmark
    public DriftSummary driftOneThread() {
        return DriftSummary.of(reference, window, predictions, DriftMethod.fromLabel(method), 0.5);
    }

    @Benchmark
    public Frame decode() {
        return WindowFrames.inputs(logged, schema);
    }

    @Benchmark
    public Frame window() {
        store.monitorLog().clearCache();
        return WindowFrames.inputs(store.monitorLog().window("m", 1, 0, Long.MAX_VALUE, ROWS), schema);
    }

    @Benchmark
    public Frame windowCached() {
        return WindowFrames.inputs(store.monitorLog().window("m", 1, 0, Long.MAX_VALUE, ROWS), schema);
    }
}
