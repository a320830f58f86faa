package dev.kiln.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.learn.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Batch prediction speed of a bundle on a test file, the figure the peers' {@code predict_rows_per_s}
 * is compared with: the file is read once; the first {@code Pipeline.predict} of the fresh JVM is timed with
 * the JIT's compile time during it (what {@code kiln evaluate} times: the peers also predict once); then the
 * preparation alone ({@code Pipeline.prepare}: conform, impute, one-hot), the model alone ({@code Model.predict}
 * on the prepared frame) and the whole pipeline are each timed {@code REPEATS} times (default 5) after one more
 * call; prints one JSON line with the first, best and median rows/s of each, and the best rows per second of
 * process CPU time (the steadier figure when other processes share the cores).
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' dev.kiln.bench.BatchPredictBenchmark MODEL_DIR TEST.csv [REPEATS]}
 */
public final class BatchPredictBenchmark {
    private BatchPredictBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BatchPredictBenchmark MODEL_DIR TEST.csv [REPEATS]");
            System.exit(2);
        }
        Pipeline pipeline = Bundle.read(Path.of(args[0])).pipeline();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : pipeline.inputSchema().fields()) {
            kinds.put(field.name(), field.kind());
        }
        Frame raw = CsvReader.read(Path.of(args[1]), CsvOptions.defaults().withKinds(kinds));
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("rows", raw.rowCount())
                .put("threads", Runtime.getRuntime().availableProcessors());
        // the first call of a fresh JVM, as `kiln evaluate` times it and as the peers predict once; the JIT's compile
        // time during it beside
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        double[][] cold = time(0, raw.rowCount(), () -> pipeline.predict(raw));
        out.put("cold_pipeline_rows_per_s", Math.round(cold[0][0]))
                .put("cold_pipeline_rows_per_cpu_s", Math.round(cold[1][0]))
                .put("cold_jit_ms", jit.getTotalCompilationTime() - jitBefore);
        Frame prepared = pipeline.prepare(raw);
        put(out, "prepare", time(repeats, raw.rowCount(), () -> pipeline.prepare(raw)));
        put(out, "model", time(repeats, raw.rowCount(), () -> pipeline.model().predict(prepared)));
        put(out, "pipeline", time(repeats, raw.rowCount(), () -> pipeline.predict(raw)));
        System.out.println(out);
    }

    private static void put(ObjectNode out, String name, double[][] rates) {
        put(out, name, rates[0]);
        double[] cpu = Arrays.copyOfRange(rates[1], 1, rates[1].length);
        Arrays.sort(cpu);
        out.put(name + "_best_rows_per_cpu_s", Math.round(cpu[cpu.length - 1]));
    }

    private static void put(ObjectNode out, String name, double[] rowsPerSecond) {
        out.put(name + "_first_rows_per_s", Math.round(rowsPerSecond[0]));
        double[] sorted = Arrays.copyOfRange(rowsPerSecond, 1, rowsPerSecond.length);
        Arrays.sort(sorted);
        out.put(name + "_best_rows_per_s", Math.round(sorted[sorted.length - 1]));
        out.put(name + "_median_rows_per_s", Math.round(sorted[sorted.length / 2]));
    }

    /** Rows per second of wall time and of process CPU time, of the first call, then of {@code repeats} more. */
    private static double[][] time(int repeats, int rows, Runnable task) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[][] out = new double[2][repeats + 1];
        for (int r = 0; r <= repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            task.run();
            out[0][r] = rows / ((System.nanoTime() - t0) / 1e9);
            out[1][r] = rows / ((os.getProcessCpuTime() - c0) / 1e9);
        }
        return out;
    }
}
