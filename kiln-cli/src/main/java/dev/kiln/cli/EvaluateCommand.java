package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.eval.Evaluator;
import dev.kiln.eval.FairnessReport;
import dev.kiln.eval.LearningCurve;
import dev.kiln.eval.Metric;
import dev.kiln.eval.Truth;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.eval.UnsupervisedMetrics;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Targets;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.report.EvaluationHtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln evaluate MODEL --data TEST.csv}: every metric that applies to the model's task on a
 * labelled file, and the prediction throughput. Rows with a missing target are left out. With
 * {@code --sensitive COL} also fairness rates and differences; with {@code --report FILE} the evaluation report
 * (with {@code --train CSV} also a learning curve of the bundle's learner refitted on that file's rows).
 * Clustering and anomaly models need no target: their cluster metrics (silhouette, Davies–Bouldin,
 * Calinski–Harabasz) or anomaly share are computed on the rows as the model sees them.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a labelled CSV file with a model and print every applicable metric and the prediction speed.")
final class EvaluateCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Option(names = "--sensitive", paramLabel = "COL",
            description = "A column whose groups get fairness rates: dp_difference, eo_difference (repeatable; binary models).")
    List<String> sensitive = new ArrayList<>();

    @Option(names = "--report", paramLabel = "HTML", description = "Write the evaluation report (one offline HTML file) here.")
    Path report;

    @Option(names = "--train", paramLabel = "CSV",
            description = "Training rows for the report's learning curve (the bundle's learner is refitted on subsets).")
    Path train;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The metric of the report's importance and learning curve (default roc_auc, or rmse for regression).")
    String metric;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the report's samples and shuffles (default 1).")
    long seed = 1;

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
        for (String column : sensitive) {
            if (!input.has(column)) {
                throw new InvalidDataException(data.data + ": --sensitive " + column + ": no such column (columns: "
                        + String.join(", ", input.names()) + ")");
            }
        }
        Task task = Task.fromLabel(manifest.task());
        Metric reportMetric = reportMetric(task);
        Frame labelled = Targets.labelledRows(input, target);
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Predictions predictions = pipeline.predict(labelled);
        double predictSeconds = (System.nanoTime() - t1) / 1e9;
        Truth truth = truth(task, labelled.column(target), manifest.classes());
        List<FairnessReport> fairness = Evaluator.fairness(labelled, sensitive, predictions, truth);
        if (!sensitive.isEmpty() && task != Task.BINARY) {
            err().println("kiln: note: --sensitive: fairness rates need a binary model; this one is " + task.label());
        }
        Map<String, Double> metrics = Evaluator.metrics(task, predictions, truth, fairness);
        double rowsPerSecond = labelled.rowCount() / predictSeconds;
        if (report != null) {
            List<String> notes = new ArrayList<>();
            LearningCurve curve = null;
            if (train != null) {
                try {
                    curve = learningCurve(loaded, pipeline, labelled, truth, reportMetric);
                } catch (IllegalArgumentException e) {
                    notes.add("no learning curve: cannot refit " + loaded.bundle().manifest().learner() + ": " + e.getMessage());
                }
            }
            if (!Double.isNaN(pipeline.decisionThreshold())) {
                notes.add(String.format(java.util.Locale.ROOT, "the bundle predicts %s from probability %.4f",
                        manifest.classes().get(1), pipeline.decisionThreshold()));
            }
            if (train == null) {
                notes.add("no learning curve: give --train CSV to refit the model on subsets of its rows");
            }
            Evaluator.Context context = new Evaluator.Context(loaded.name() + " on " + data.data.getFileName(), reportMetric,
                    sensitive, seed, List.of(), curve, null, notes);
            EvaluationHtmlReport.write(Evaluator.evaluate(pipeline, labelled, truth, target, context), report);
        }
        if (common.json) {
            ObjectNode json = RunCommand.JSON.createObjectNode().put("model", loaded.name()).put("task", task.label())
                    .put("rows", labelled.rowCount());
            metrics.forEach(json::put);
            json.put("read_s", readSeconds).put("predict_s", predictSeconds).put("rows_per_s", rowsPerSecond);
            if (report != null) {
                json.put("report", report.toString());
            }
            out().println(json.toPrettyString());
        } else {
            out().printf("%s (%s) on %s: %d rows%n", loaded.name(), task.label(), data.data, labelled.rowCount());
            metrics.forEach((name, value) -> out().printf("  %-18s %.4f%n", name, value));
            out().printf("  predict %.3f s (%.0f rows/s); read %.2f s%n", predictSeconds, rowsPerSecond, readSeconds);
            if (report != null) {
                out().printf("  report %s%n", report);
            }
        }
        return 0;
    }

    private Metric reportMetric(Task task) {
        String label = metric != null ? metric : task.isClassification() ? "roc_auc" : "rmse";
        Metric found = Metric.fromLabel(label);
        if (found == null || !found.appliesTo(task)) {
            throw new InvalidDataException("--metric " + label + ": expected a metric of " + task.label() + " models ("
                    + String.join(", ", Metric.labels().stream().filter(m -> Metric.fromLabel(m).appliesTo(task)).toList()) + ")");
        }
        return found;
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

    private static Truth truth(Task task, Column column, List<String> classes) {
        if (task.isClassification()) {
            CategoricalColumn codes = Targets.classification(column, classes);
            return Truth.ofClasses(codes.toCodes());
        }
        return Truth.ofValues(Targets.regression(column).toArray());
    }

    /** The learning curve of the bundle's learner refitted on subsets of --train (prepared by the bundle's steps). */
    private LearningCurve learningCurve(ModelOptions.Loaded loaded, Pipeline pipeline, Frame validation, Truth validationTruth,
            Metric curveMetric) throws java.io.IOException {
        var manifest = loaded.bundle().manifest();
        Map<String, dev.kiln.data.ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : pipeline.inputSchema().fields()) {
            kinds.put(field.name(), field.kind());
        }
        Frame rows = CsvReader.read(train, CsvOptions.defaults().withMissing(data.missing).withKinds(kinds));
        String target = manifest.target();
        if (!rows.has(target)) {
            throw new InvalidDataException(train + ": no target column '" + target + "' (the model predicts it)");
        }
        rows = Targets.labelledRows(rows, target);
        Task task = Task.fromLabel(manifest.task());
        Truth trainTruth = truth(task, rows.column(target), manifest.classes());
        Column targetColumn = task.isClassification() ? Targets.classification(rows.column(target), manifest.classes())
                : Targets.regression(rows.column(target));
        Frame prepared = pipeline.prepare(rows).with(targetColumn.rename(target));
        Frame preparedValidation = pipeline.prepare(validation);
        Map<String, String> params = new LinkedHashMap<>();
        manifest.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
        Learner<?> learner = Learners.create(manifest.learner(), params);
        TrainOptions options = TrainOptions.of(target, task, manifest.lineage().seed());
        LearningCurve.Fitter fitter = subset -> {
            Model fitted = learner.fit(prepared.take(subset), options);
            return new LearningCurve.Predictor() {
                @Override
                public Predictions predictTrain(int[] at) {
                    return fitted.predict(prepared.take(at));
                }

                @Override
                public Predictions predictValidation() {
                    return fitted.predict(preparedValidation);
                }
            };
        };
        return LearningCurve.of(fitter, trainTruth, validationTruth, task, manifest.classes(), curveMetric, seed);
    }
}
