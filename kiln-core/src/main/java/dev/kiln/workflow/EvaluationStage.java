package dev.kiln.workflow;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.eval.DecisionThreshold;
import dev.kiln.eval.EvaluationReport;
import dev.kiln.eval.Evaluator;
import dev.kiln.eval.FairnessReport;
import dev.kiln.eval.LeaderboardEntry;
import dev.kiln.eval.LearningCurve;
import dev.kiln.eval.Metric;
import dev.kiln.eval.Truth;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.report.EvaluationHtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The diagnosis part of a run's evaluate stage for the chosen model: its decision threshold (when the spec asks for
 * one, chosen on the selection rows), its test metrics with fairness, its learning curve on the prepared training
 * rows (at most {@value #CURVE_ROWS} of them, evenly strided), and the evaluation report {@code eval.html}. The curve's
 * last point, all training rows, is the chosen model itself (a refit would give the same bits), so the curve costs
 * about 1.75 fits.
 * Preparation is not refitted for the learning curve: subsets of the prepared training rows are fitted on.
 */
final class EvaluationStage {
    /** The file name of the evaluation report in a run's artifacts. */
    static final String REPORT = "eval.html";
    static final int CURVE_ROWS = 200_000;

    private final Spec spec;
    private final Problem problem;
    private final Preparation prep;

    EvaluationStage(Spec spec, Problem problem, Preparation prep) {
        this.spec = spec;
        this.problem = problem;
        this.prep = prep;
    }

    /** The threshold asked for by {@code problem.threshold}, chosen on {@code rows}; null when none applies. */
    DecisionThreshold.Choice threshold(Model model, int[] rows) {
        Spec.Threshold rule = spec.problem().threshold();
        if (rule == null || problem.task() != Task.BINARY) {
            return null;
        }
        Predictions predictions = model.predict(prep.apply(problem.features().take(rows)));
        int[] truth = ((CategoricalColumn) problem.target().take(rows)).toCodes();
        return rule.rule().equals(Spec.Threshold.F1) ? DecisionThreshold.forF1(predictions, truth)
                : DecisionThreshold.forCosts(predictions, truth, rule.fpCost(), rule.fnCost());
    }

    /** Every metric of {@code model} (with {@code threshold}) on {@code rows}, fairness differences included. */
    Map<String, Double> metrics(Model model, DecisionThreshold.Choice threshold, int[] rows) {
        Predictions predictions = predict(model, threshold, rows);
        Truth truth = truth(problem.target().take(rows));
        Frame raw = problem.features().take(rows);
        List<FairnessReport> fairness = Evaluator.fairness(raw, spec.problem().sensitive(), predictions, truth);
        return Evaluator.metrics(problem.task(), predictions, truth, fairness);
    }

    private Predictions predict(Model model, DecisionThreshold.Choice threshold, int[] rows) {
        Predictions predictions = model.predict(prep.apply(problem.features().take(rows)));
        return threshold == null ? predictions : predictions.withThreshold(threshold.threshold());
    }

    /** The learning curve of {@code learner} on the prepared training rows, validated on {@code validationRows}. */
    LearningCurve learningCurve(Learner<?> learner, Model chosen, int[] validationRows) {
        Frame train = prep.train();
        boolean sampled = train.rowCount() > CURVE_ROWS;
        String target = spec.problem().target();
        if (train.rowCount() > CURVE_ROWS) {
            int[] rows = new int[CURVE_ROWS];
            long step = ((long) train.rowCount() << 16) / CURVE_ROWS;
            for (int i = 0; i < CURVE_ROWS; i++) {
                rows[i] = (int) ((i * step) >>> 16);
            }
            train = train.take(rows);
        }
        Frame fitted = train;
        Frame validation = prep.apply(problem.features().take(validationRows));
        TrainOptions options = TrainOptions.of(target, problem.task(), spec.train().seed());
        LearningCurve.Fitter fitter = rows -> {
            Model model = !sampled && rows.length == fitted.rowCount() ? chosen : learner.fit(fitted.take(rows), options);
            return new LearningCurve.Predictor() {
                @Override
                public Predictions predictTrain(int[] at) {
                    return model.predict(fitted.take(at));
                }

                @Override
                public Predictions predictValidation() {
                    return model.predict(validation);
                }
            };
        };
        return LearningCurve.of(fitter, truth(train.column(target)), truth(problem.target().take(validationRows)),
                problem.task(), problem.classes(), Metric.fromLabel(spec.problem().metric()), spec.train().seed());
    }

    /** Writes {@code eval.html} for the chosen pipeline on the test rows into {@code outputDir}. */
    Path writeReport(Pipeline pipeline, int[] testRows, List<RunResult.LearnerResult> results, String chosen,
                     LearningCurve curve, DecisionThreshold.Choice threshold, List<String> notes, Path outputDir) throws IOException {
        Metric metric = Metric.fromLabel(spec.problem().metric());
        List<LeaderboardEntry> board = new ArrayList<>();
        for (RunResult.LearnerResult r : results) {
            board.add(new LeaderboardEntry(r.label(), r.learner(), r.validationMetrics().getOrDefault(metric.label(), Double.NaN),
                    r.fitSeconds(), r.label().equals(chosen)));
        }
        Frame raw = problem.features().take(testRows);
        Evaluator.Context context = new Evaluator.Context(spec.name() + ": " + chosen + " on the test rows", metric,
                spec.problem().sensitive(), spec.train().seed(), board, curve, threshold, notes);
        EvaluationReport report = Evaluator.evaluate(pipeline, raw, truth(problem.target().take(testRows)),
                spec.problem().target(), context);
        Path file = outputDir.resolve(REPORT);
        EvaluationHtmlReport.write(report, file);
        return file;
    }

    static Truth truth(Column target) {
        if (target instanceof CategoricalColumn c) {
            return Truth.ofClasses(c.toCodes());
        }
        return Truth.ofValues(((NumericColumn) target).toArray());
    }

    static int[] all(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }
}
