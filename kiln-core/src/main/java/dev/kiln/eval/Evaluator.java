package dev.kiln.eval;

import dev.kiln.data.Frame;
import dev.kiln.learn.Explainable;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds the {@link EvaluationReport} of a pipeline on labelled rows. Costly parts run on seeded samples: permutation
 * importance on at most {@value #IMPORTANCE_ROWS} rows with {@value #REPEATS} repeats (columns in parallel on the
 * common pool), TreeSHAP and partial dependence on at most {@value #EXPLAIN_ROWS} rows, for the
 * {@value #DEPENDENCE_FEATURES} most important columns. Curves are thinned to {@value #CURVE_POINTS} points.
 * Deterministic under the context's seed.
 */
public final class Evaluator {
    static final int IMPORTANCE_ROWS = 2000;
    static final int REPEATS = 5;
    static final int EXPLAIN_ROWS = 300;
    static final int DEPENDENCE_FEATURES = 3;
    static final int CURVE_POINTS = 200;

    /**
     * What the report needs besides the model and rows.
     *
     * @param sensitive columns of the rows to measure fairness over; may be empty
     * @param leaderboard the run's candidates, or empty outside a run
     * @param learningCurve null when none was computed
     * @param threshold the decision threshold chosen in the run, or null
     */
    public record Context(String title, Metric metric, List<String> sensitive, long seed, List<LeaderboardEntry> leaderboard,
                          LearningCurve learningCurve, DecisionThreshold.Choice threshold, List<String> notes) {
        public Context {
            sensitive = List.copyOf(sensitive);
            leaderboard = List.copyOf(leaderboard);
            notes = List.copyOf(notes);
        }
    }

    private Evaluator() {
    }

    /**
     * Every metric of {@code predictions}, plus {@code dp_difference} and {@code eo_difference} (the largest over the
     * sensitive columns) for a binary task with sensitive columns.
     */
    public static Map<String, Double> metrics(Task task, Predictions predictions, Truth truth, List<FairnessReport> fairness) {
        Map<String, Double> out = new LinkedHashMap<>(truth.all(task, predictions));
        for (FairnessReport report : fairness) {
            report.metrics().forEach((name, value) -> out.merge(name, value, (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b)));
        }
        return out;
    }

    /** The fairness report of each sensitive column of {@code rows} (binary tasks only; empty otherwise). */
    public static List<FairnessReport> fairness(Frame rows, List<String> sensitive, Predictions predictions, Truth truth) {
        List<FairnessReport> out = new ArrayList<>();
        if (predictions.task() != Task.BINARY || !(truth instanceof Truth.Classes classes)) {
            return out;
        }
        for (String column : sensitive) {
            out.add(Fairness.of(rows.column(column), predictions, classes.codes()));
        }
        return out;
    }

    /** The report of {@code pipeline} on {@code rows} (raw input columns, sensitive columns included) and their truth. */
    public static EvaluationReport evaluate(Pipeline pipeline, Frame rows, Truth truth, String target, Context context) {
        Task task = pipeline.model().task();
        List<String> classes = pipeline.model().classes();
        Predictions predictions = pipeline.predict(rows);
        List<FairnessReport> fairness = fairness(rows, context.sensitive(), predictions, truth);
        Map<String, Double> metrics = metrics(task, predictions, truth, fairness);
        List<String> notes = new ArrayList<>(context.notes());
        long[][] confusion = null;
        List<NamedCurve> roc = new ArrayList<>();
        List<NamedCurve> pr = new ArrayList<>();
        CalibrationCurve calibration = null;
        Residuals residuals = null;
        if (truth instanceof Truth.Classes codes) {
            int[] y = codes.codes();
            confusion = ConfusionMatrix.of(predictions, y).table();
            int first = task == Task.BINARY ? 1 : 0;
            for (int c = first; c < classes.size(); c++) {
                boolean[] positive = new boolean[y.length];
                boolean any = false;
                boolean all = true;
                for (int i = 0; i < y.length; i++) {
                    positive[i] = y[i] == c;
                    any |= positive[i];
                    all &= positive[i];
                }
                if (!any || all) {
                    continue;
                }
                double[] scores = predictions.probabilitiesOf(c);
                roc.add(new NamedCurve(classes.get(c), RocAuc.mannWhitney(scores, positive), RankingCurves.roc(scores, positive).thinned(CURVE_POINTS)));
                pr.add(new NamedCurve(classes.get(c), RankingCurves.averagePrecision(scores, positive),
                        RankingCurves.precisionRecall(scores, positive).thinned(CURVE_POINTS)));
            }
            calibration = CalibrationCurve.of(predictions, y, 10);
        } else {
            residuals = Residuals.of(predictions.values(), ((Truth.Values) truth).values(), 1500, 30, context.seed());
        }
        int[] importanceRows = sample(rows.rowCount(), IMPORTANCE_ROWS, context.seed());
        Frame importanceFrame = rows.take(importanceRows);
        List<FeatureImportance> permutation = PermutationImportance.of(pipeline::predict, importanceFrame,
                pipeline.featureNames(), truth.take(importanceRows), context.metric(), REPEATS, context.seed(), ForkJoinPool.commonPool());
        Frame explainFrame = rows.take(sample(rows.rowCount(), EXPLAIN_ROWS, context.seed() + 1));
        List<FeatureImportance> shap = List.of();
        String shapSpace = null;
        if (pipeline.model() instanceof Explainable explainable) {
            try {
                shap = ShapImportance.of(pipeline, explainFrame);
                shapSpace = explainable.outputSpace();
            } catch (IllegalArgumentException e) {
                notes.add("no TreeSHAP importance: " + e.getMessage());
            }
        }
        List<PartialDependence> dependence = new ArrayList<>();
        for (int j = 0; j < Math.min(DEPENDENCE_FEATURES, permutation.size()); j++) {
            String feature = permutation.get(j).feature();
            if (rows.column(feature) instanceof dev.kiln.data.NumericColumn || rows.column(feature) instanceof dev.kiln.data.CategoricalColumn) {
                dependence.add(PartialDependence.of(pipeline::predict, explainFrame, feature, 20));
            }
        }
        return new EvaluationReport(context.title(), task.label(), target, context.metric().label(), rows.rowCount(), classes,
                metrics, context.leaderboard(), confusion, roc, pr, calibration, residuals, permutation, shap, shapSpace,
                dependence, context.learningCurve(), context.threshold(), fairness, notes);
    }

    /** {@code max} row indexes of {@code n} drawn without replacement under {@code seed}, ascending; all rows when fewer. */
    static int[] sample(int n, int max, long seed) {
        int[] order = PermutationImportance.identity(n);
        if (n <= max) {
            return order;
        }
        new SplitMix64(seed).shuffle(order, 0, n);
        int[] out = Arrays.copyOf(order, max);
        Arrays.sort(out);
        return out;
    }
}
