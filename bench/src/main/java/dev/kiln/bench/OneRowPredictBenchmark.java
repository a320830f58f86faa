package dev.kiln.bench;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Model;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Latency of {@link Model#predictRow}, the serving path, for a model of each {@link #learner}, trained
 * in the setup on synthetic binary data shaped like the peers' file (30 numeric features). Each call
 * scores the next of 1,024 precomputed rows. Run with {@code -prof gc} to see the allocation per call,
 * which should be 0 B/op.
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main OneRowPredict -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OneRowPredictBenchmark {
    private static final int FEATURES = 30;
    private static final int TRAIN_ROWS = 20_000;
    private static final int ROWS = 1024;

    /**
     * The learner whose model is timed: {@code logistic}, {@code tree} (depth 6) or {@code gbm} (the
     * learners issue's serving model: 100 trees, depth 6, learning rate 0.3, 255 bins).
     */
    @Param({"logistic", "tree", "gbm"})
    public String learner;

    private Model model;
    private double[][] rows;
    private double[] out;
    private int next;

    @Setup(Level.Trial)
    public void train() {
        Random random = new Random(0);
        double[][] x = new double[FEATURES][TRAIN_ROWS];
        int[] y = new int[TRAIN_ROWS];
        for (int i = 0; i < TRAIN_ROWS; i++) {
            double score = 0;
            for (int j = 0; j < FEATURES; j++) {
                x[j][i] = random.nextGaussian();
                score += (j % 3 == 0 ? 1.0 : -0.5) * x[j][i] / (1 + j);
            }
            y[i] = score + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            columns.add(NumericColumn.wrap("f" + j, x[j]));
        }
        columns.add(CategoricalColumn.of("label", y, List.of("0", "1")));
        Map<String, String> params = switch (learner) {
            case "tree" -> Map.of("max_depth", "6");
            case "gbm" -> Map.of("trees", "100", "max_depth", "6", "learning_rate", "0.3", "max_bins", "255");
            default -> Map.of();
        };
        model = Learners.create(learner, params).fit(Frame.of(columns), new TrainOptions("label", Task.BINARY, 0, 1));
        rows = new double[ROWS][FEATURES];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < FEATURES; j++) {
                rows[r][j] = x[j][r];
            }
        }
        out = new double[2];
    }

    @Benchmark
    public double predictRow() {
        double[] row = rows[next];
        next = (next + 1) & (ROWS - 1);
        model.predictRow(row, out);
        return out[1];
    }
}
