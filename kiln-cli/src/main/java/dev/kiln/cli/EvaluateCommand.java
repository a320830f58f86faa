package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.eval.Metrics;
import dev.kiln.eval.UnsupervisedMetrics;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Targets;
import dev.kiln.learn.Task;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kiln evaluate MODEL --data TEST.csv}: every metric that applies to the model's task on a
 * labelled file, and the prediction throughput. Rows with a missing target are left out. Clustering and
 * anomaly models need no target: their cluster metrics (silhouette, Davies–Bouldin, Calinski–Harabasz)
 * or anomaly share are computed on the rows as the model sees them.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a labelled CSV file with a model and print every applicable metric and the prediction speed.")
final class EvaluateCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Override
    int execute() throws Exception {
        long t0 = System.nanoTime();
        ModelOptions.Loaded loaded = model.load();
        var manifest = loaded.bundle().manifest();
        Pipeline pipeline = loaded.bundle().pipeline();
        Frame input = data.read(pipeline.inputSchema());
        Task modelTask = Task.fromLabel(manifest.task());
        if (modelTask != null && modelTask.isUnsupervised()) {
            return evaluateUnsupervised(loaded, pipeline, input, modelTask, (System.nanoTime() - t0) / 1e9);
        }
        String target = manifest.target();
        if (!input.has(target)) {
            throw new InvalidDataException(data.data + ": no target column '" + target + "' (the model predicts it)");
        }
        Frame labelled = input.take(Targets.presentRows(input.column(target)));
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Predictions predictions = pipeline.predict(labelled);
        double predictSeconds = (System.nanoTime() - t1) / 1e9;
        Task task = Task.fromLabel(manifest.task());
        Map<String, Double> metrics = metrics(task, predictions, labelled.column(target), manifest.classes());
        double rowsPerSecond = labelled.rowCount() / predictSeconds;
        if (common.json) {
            ObjectNode json = RunCommand.JSON.createObjectNode().put("model", loaded.name()).put("task", task.label())
                    .put("rows", labelled.rowCount());
            metrics.forEach(json::put);
            json.put("read_s", readSeconds).put("predict_s", predictSeconds).put("rows_per_s", rowsPerSecond);
            out().println(json.toPrettyString());
        } else {
            out().printf("%s (%s) on %s: %d rows%n", loaded.name(), task.label(), data.data, labelled.rowCount());
            metrics.forEach((name, value) -> out().printf("  %-10s %.4f%n", name, value));
            out().printf("  predict %.3f s (%.0f rows/s); read %.2f s%n", predictSeconds, rowsPerSecond, readSeconds);
        }
        return 0;
    }

    /** Clustering or anomaly models: no target; cluster metrics or the anomaly share on the prepared rows. */
    private int evaluateUnsupervised(ModelOptions.Loaded loaded, Pipeline pipeline, Frame input, Task task, double readSeconds) {
        long t1 = System.nanoTime();
        pipeline.predict(input);
        double predictSeconds = (System.nanoTime() - t1) / 1e9;
        Map<String, Double> metrics = UnsupervisedMetrics.all(pipeline.model(), pipeline.prepare(input));
        double rowsPerSecond = input.rowCount() / predictSeconds;
        if (common.json) {
            ObjectNode json = RunCommand.JSON.createObjectNode().put("model", loaded.name()).put("task", task.label())
                    .put("rows", input.rowCount());
            metrics.forEach(json::put);
            json.put("read_s", readSeconds).put("predict_s", predictSeconds).put("rows_per_s", rowsPerSecond);
            out().println(json.toPrettyString());
        } else {
            out().printf("%s (%s) on %s: %d rows%n", loaded.name(), task.label(), data.data, input.rowCount());
            metrics.forEach((name, value) -> out().printf("  %-18s %.4f%n", name, value));
            out().printf("  predict %.3f s (%.0f rows/s); read %.2f s%n", predictSeconds, rowsPerSecond, readSeconds);
        }
        return 0;
    }

    private static Map<String, Double> metrics(Task task, Predictions predictions, Column truth, List<String> classes) {
        if (task.isClassification()) {
            CategoricalColumn codes = Targets.classification(truth, classes);
            return Metrics.all(task, predictions, codes.toCodes());
        }
        return Metrics.all(task, predictions, Targets.regression(truth).toArray());
    }
}
