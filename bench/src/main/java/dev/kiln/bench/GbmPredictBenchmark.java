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
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the time of a bundle's batch prediction goes, cold and warm: the first {@code Pipeline.predict} of a fresh
 * JVM on the test file (what {@code kiln evaluate} times and what the peers' one-shot {@code predict_rows_per_s}
 * is set against), then warm repeats of its parts: {@code Pipeline.prepare} (conform, impute, one-hot) alone and
 * {@code Model.predict} on the prepared frame alone. Every figure comes as wall seconds and process CPU seconds
 * (user + system of all threads, JIT compiler threads included) with rows per second of each; the JIT's own
 * compile time is printed beside the cold call. One JSON line.
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' dev.kiln.bench.GbmPredictBenchmark MODEL_DIR TEST.csv [REPEATS [parts]]};
 * with {@code parts} the cold call is split: a cold {@code prepare}, then a cold {@code Model.predict} on its output.
 */
public final class GbmPredictBenchmark {
    private GbmPredictBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: GbmPredictBenchmark MODEL_DIR TEST.csv [REPEATS]");
            System.exit(2);
        }
        Pipeline pipeline = Bundle.read(Path.of(args[0])).pipeline();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : pipeline.inputSchema().fields()) {
            kinds.put(field.name(), field.kind());
        }
        Frame raw = CsvReader.read(Path.of(args[1]), CsvOptions.defaults().withKinds(kinds));
        int rows = raw.rowCount();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("rows", rows)
                .put("threads", Runtime.getRuntime().availableProcessors());
        var jit = ManagementFactory.getCompilationMXBean();
        long jit0 = jit.getTotalCompilationTime();
        Frame prepared;
        if (args.length > 3 && args[3].equals("parts")) {
            // the cold cost of each part: prepare first, then the model on its output
            put(out, "cold_prepare", rows, 1, () -> pipeline.prepare(raw));
            prepared = pipeline.prepare(raw);
            long jit1 = jit.getTotalCompilationTime();
            put(out, "cold_model", rows, 1, () -> pipeline.model().predict(prepared));
            out.put("cold_model_jit_ms", jit.getTotalCompilationTime() - jit1);
        } else {
            put(out, "cold_pipeline", rows, 1, () -> pipeline.predict(raw));
            out.put("cold_jit_ms", jit.getTotalCompilationTime() - jit0);
            prepared = pipeline.prepare(raw);
        }
        put(out, "prepare", rows, repeats, () -> pipeline.prepare(raw));
        put(out, "model", rows, repeats, () -> pipeline.model().predict(prepared));
        put(out, "pipeline", rows, repeats, () -> pipeline.predict(raw));
        System.out.println(out);
    }

    /** Runs {@code body} {@code repeats} times; puts the median and best wall and CPU seconds and rows/s. */
    private static void put(ObjectNode out, String name, int rows, int repeats, Supplier<?> body) throws Exception {
        Measured m = new Measured(repeats);
        for (int r = 0; r < repeats; r++) {
            m.time(body::get);
        }
        out.put(name + "_wall_s", round(m.medianWall())).put(name + "_cpu_s", round(m.bestCpu()))
                .put(name + "_rows_per_s", Math.round(rows / m.medianWall()))
                .put(name + "_best_rows_per_s", Math.round(rows / m.bestWall()))
                .put(name + "_rows_per_cpu_s", Math.round(rows / m.bestCpu()));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e4) / 1e4;
    }
}
