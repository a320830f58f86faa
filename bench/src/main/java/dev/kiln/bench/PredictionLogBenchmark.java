package dev.kiln.bench;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Role;
import dev.kiln.server.monitor.AsyncPredictionLog;
import dev.kiln.server.monitor.LogLayout;
import dev.kiln.server.monitor.LogPolicy;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ShadowPrediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The prediction log: the time to log 10,000 one-row requests of 30 numeric features (a binary classifier's
 * output) through {@link AsyncPredictionLog} into the store's columnar log and wait until they are written —
 * {@code rows} as the compiled one-record path hands them (a raw row copied into the ring), {@code frames} as the
 * general path does (a decoded frame). Divided by 10,000 it is the CPU the log spends per logged request, request
 * path and writer together (segments of 100,000 rows are rolled to Parquet as they fill).
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main PredictionLog}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PredictionLogBenchmark {
    private static final int REQUESTS = 10_000;

    private Path dir;
    private KilnStore store;
    private AsyncPredictionLog log;
    private List<Frame> inputs;
    private List<double[]> rows;
    private Predictions output;
    private LogLayout layout;
    private final double[] out = {0.3, 0.7};
    private final String[] texts = new String[30];

    /** rows (the compiled one-record path) or frames (the general path). */
    @Param({"rows", "frames"})
    public String path = "rows";

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("kiln-log-bench");
        store = KilnStore.open(dir);
        LogPolicy policy = new LogPolicy() {
            @Override
            public double sample(String model) {
                return 1;
            }

            @Override
            public String keyColumn(String model) {
                return null;
            }

            @Override
            public List<ShadowPrediction> shadows(String model, int version, Frame input, List<String> ids) {
                return List.of();
            }

            @Override
            public int retentionDays() {
                return 0;
            }

            @Override
            public long retentionRows() {
                return 0;
            }
        };
        var monitorLog = store.monitorLog();
        log = new AsyncPredictionLog(AsyncPredictionLog.Sink.of(monitorLog), monitorLog::purge, policy, 65_536,
                Clock.systemUTC());
        inputs = new ArrayList<>();
        rows = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            fields.add(new Field("x" + f, ColumnKind.NUMERIC, Role.FEATURE));
        }
        layout = new LogLayout("m", 1, fields, List.of("0", "1"), true);
        for (int i = 0; i < 1024; i++) {
            List<dev.kiln.data.Column> columns = new ArrayList<>();
            double[] row = new double[30];
            for (int f = 0; f < 30; f++) {
                row[f] = Math.sin(i * 31 + f) * 3.7;
                columns.add(NumericColumn.of("x" + f, new double[] {row[f]}));
            }
            inputs.add(Frame.of(columns));
            rows.add(row);
        }
        output = Predictions.ofProbabilities(Task.BINARY, List.of("0", "1"), new double[] {0.3, 0.7});
    }

    @Benchmark
    public long logTenThousand() throws InterruptedException {
        boolean raw = path.equals("rows");
        for (int i = 0; i < REQUESTS; i++) {
            if (raw) {
                log.recordRow(layout, rows.get(i & 1023), texts, out, null, 1_000_000);
            } else {
                log.record(layout, inputs.get(i & 1023), output, 1_000_000);
            }
        }
        log.flush(Duration.ofMinutes(1));
        return log.written();
    }

    /**
     * Without JMH: logs 10,000 requests a round, {@code ROUNDS} rounds (default 80) on the path named by the first
     * argument (rows or frames; default rows), and prints the process CPU time and the GC time per logged request
     * over the rounds after the first 20 (by then the first segments, and DuckDB's start-up, are behind), which on a
     * busy machine says more than wall time. {@code java -cp ... dev.kiln.bench.PredictionLogBenchmark [PATH [ROUNDS]]}
     */
    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        PredictionLogBenchmark bench = new PredictionLogBenchmark();
        bench.path = args.length > 0 ? args[0] : "rows";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        int warm = Math.min(20, rounds - 1);
        bench.setUp();
        long cpu = 0;
        long wall = 0;
        long gc = 0;
        for (int round = 0; round < rounds; round++) {
            if (round == warm) {
                cpu = os.getProcessCpuTime();
                wall = System.nanoTime();
                gc = gcMillis();
            }
            bench.logTenThousand();
        }
        double requests = (rounds - warm) * (double) REQUESTS;
        System.out.printf("%s: %.2f us CPU, %.2f us wall, %.2f us GC per logged request over %.0f requests; %d written, %d dropped%n",
                bench.path, (os.getProcessCpuTime() - cpu) / 1e3 / requests, (System.nanoTime() - wall) / 1e3 / requests,
                (gcMillis() - gc) * 1e3 / requests, requests, bench.log.written(), bench.log.dropped());
        bench.tearDown();
    }

    private static long gcMillis() {
        long total = 0;
        for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += collector.getCollectionTime();
        }
        return total;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        store.close();
    }
}
