package dev.kiln.bench;

import dev.kiln.bundle.Bundle;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GBM fit alone, timed in wall and process CPU seconds: the training file is read and prepared
 * once by the pipeline of a bundle that {@code kiln train} made from it (so the learner sees the frame
 * {@code kiln train} gives it: imputed, one-hot encoded), then {@code GbmLearner.fit} runs
 * {@code REPEATS} times with the bench's settings (100 trees, depth 6, 63 leaves, learning rate 0.3,
 * 255 bins). CPU seconds are the steadier figure when other processes share the cores. {@code THREADS} may
 * list several counts ({@code 1,2}): each repeat then fits once with each, in turn, so that the counts are
 * compared under the same load. Prints one line per fit.
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' dev.kiln.bench.GbmFitBenchmark
 * MODEL_DIR TRAIN.csv TARGET binary|regression THREADS[,THREADS...] [REPEATS]}
 */
public final class GbmFitBenchmark {
    private GbmFitBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: GbmFitBenchmark MODEL_DIR TRAIN.csv TARGET binary|regression THREADS[,THREADS...] [REPEATS]");
            System.exit(2);
        }
        Pipeline pipeline = Bundle.read(Path.of(args[0])).pipeline();
        String target = args[2];
        Task task = Task.valueOf(args[3].toUpperCase(java.util.Locale.ROOT));
        int[] threadCounts = java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        int repeats = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : pipeline.inputSchema().fields()) {
            kinds.put(field.name(), field.kind());
        }
        kinds.put(target, task.isClassification() ? ColumnKind.CATEGORICAL : ColumnKind.NUMERIC);
        Frame raw = CsvReader.read(Path.of(args[1]), CsvOptions.defaults().withKinds(kinds));
        Frame train = pipeline.prepare(raw.drop(java.util.List.of(target))).with(raw.column(target));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, String> params = Map.of("trees", "100", "max_depth", "6", "learning_rate", "0.3", "max_bins", "255",
                "max_leaves", "63");
        for (int r = 0; r < repeats; r++) {
            for (int threads : threadCounts) {
                var learner = Learners.create("gbm", params);
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                learner.fit(train, new TrainOptions(target, task, 0, threads));
                System.out.printf("{\"fit\": %d, \"threads\": %d, \"wall_s\": %.3f, \"cpu_s\": %.3f, \"load\": \"%s\"}%n", r,
                        threads, (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                        String.format("%.2f", os.getSystemLoadAverage()));
            }
        }
    }
}
