package dev.kiln.tune;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.eval.Metric;
import dev.kiln.eval.Metrics;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cross-validates learners over folds whose preparation was fitted inside each fold ({@link FoldData}):
 * fits on each fold's training rows in fold order, scores every metric of the task on its validation rows,
 * and summarises them ({@link CvResult}). A {@link Pruner} may stop a trial after any fold, and a deadline
 * stops it between folds. Learners train single-threaded here: parallelism comes from running trials side
 * by side. Thread-safe: evaluations share nothing mutable. The same learner, seed and folds give the same
 * result.
 */
public final class CrossValidation {
    private final List<FoldData> folds;
    private final String target;
    private final Task task;
    private final List<String> classes;
    private final Metric metric;
    private final int rows;
    private final int learnerThreads;

    /**
     * @param classes the class labels (empty for regression)
     * @param metric the metric that ranks trials
     * @param rows how many training rows the folds index, for out-of-fold predictions
     */
    public CrossValidation(List<FoldData> folds, String target, Task task, List<String> classes, Metric metric, int rows) {
        this(folds, target, task, classes, metric, rows, 1);
    }

    private CrossValidation(List<FoldData> folds, String target, Task task, List<String> classes, Metric metric, int rows,
                            int learnerThreads) {
        Checks.checkArgument(!folds.isEmpty(), "cross-validation needs at least one fold");
        Checks.checkArgument(metric.appliesTo(task), "metric %s does not apply to %s", metric.label(), task.label());
        this.folds = List.copyOf(folds);
        this.target = target;
        this.task = task;
        this.classes = List.copyOf(classes);
        this.metric = metric;
        this.rows = rows;
        this.learnerThreads = learnerThreads;
    }

    /**
     * This cross-validation with learners fitting on {@code threads} threads, for trials run one at a time;
     * results are the same (learners do not depend on their thread count).
     */
    public CrossValidation withLearnerThreads(int threads) {
        return new CrossValidation(folds, target, task, classes, metric, rows, Math.max(1, threads));
    }

    public Metric metric() {
        return metric;
    }

    public Task task() {
        return task;
    }

    public List<String> classes() {
        return classes;
    }

    public int folds() {
        return folds.size();
    }

    public int rows() {
        return rows;
    }

    /** The true class code of every training row some fold validated (0 elsewhere); null for regression. */
    int[] trueClasses() {
        if (!task.isClassification()) {
            return null;
        }
        int[] out = new int[rows];
        for (FoldData fold : folds) {
            for (int i = 0; i < fold.validationSize(); i++) {
                out[fold.validationRow(i)] = fold.trueClasses()[i];
            }
        }
        return out;
    }

    /** The true value of every training row some fold validated (0 elsewhere); null for classification. */
    double[] trueValues() {
        if (task.isClassification()) {
            return null;
        }
        double[] out = new double[rows];
        for (FoldData fold : folds) {
            for (int i = 0; i < fold.validationSize(); i++) {
                out[fold.validationRow(i)] = fold.trueValues()[i];
            }
        }
        return out;
    }

    /** Stops a trial whose running score is hopeless; called after each fold but the last. */
    @FunctionalInterface
    public interface Pruner {
        /** Whether to stop after {@code foldsDone} folds with these per-fold selection scores. */
        boolean prune(int foldsDone, double runningMean);

        Pruner NEVER = (foldsDone, runningMean) -> false;
    }

    /**
     * Evaluates {@code learner} with hyper-parameters {@code params} (spec strings) fitted with {@code seed} on
     * a seeded {@code rowFraction} share of each fold's training rows (1 for all of them).
     *
     * @param deadlineNanos a {@link System#nanoTime()} after which no further fold starts, or {@link Long#MAX_VALUE};
     *     nor does a fold that would, at the trial's mean fold time so far, end after it
     * @param keepOutOfFold whether to keep the out-of-fold predictions (only for a complete trial on all rows)
     */
    public Trial evaluate(int index, String learner, Map<String, String> params, long seed, double rowFraction,
                          Pruner pruner, long deadlineNanos, boolean keepOutOfFold) {
        Learner<?> fitted;
        try {
            fitted = Learners.create(learner, params);
        } catch (IllegalArgumentException e) {
            return failed(index, learner, params, rowFraction, e.getMessage());
        }
        int outputs = task.isClassification() ? classes.size() : 1;
        OutOfFold.Builder oof = keepOutOfFold && rowFraction >= 1 ? new OutOfFold.Builder(rows, outputs) : null;
        List<Map<String, Double>> scores = new ArrayList<>();
        double fitSeconds = 0;
        double predictSeconds = 0;
        long predictedRows = 0;
        TrialStatus status = TrialStatus.COMPLETE;
        TrainOptions options = new TrainOptions(target, task, seed, learnerThreads);
        long started = System.nanoTime();
        for (FoldData fold : folds) {
            long now = System.nanoTime();
            long meanFold = scores.isEmpty() ? 0 : (now - started) / scores.size();
            if (now > deadlineNanos || deadlineNanos - now < meanFold) { // the next fold would end after the deadline
                status = TrialStatus.TIMED_OUT;
                break;
            }
            Frame train = rowFraction >= 1 ? fold.train() : subsample(fold.train(), rowFraction, seed ^ fold.index());
            long t0 = System.nanoTime();
            Model model;
            try {
                model = fitted.fit(train, options);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return failed(index, learner, params, rowFraction, e.getMessage());
            }
            long t1 = System.nanoTime();
            Predictions predictions = model.predict(fold.validation());
            long t2 = System.nanoTime();
            fitSeconds += (t1 - t0) / 1e9;
            predictSeconds += (t2 - t1) / 1e9;
            predictedRows += fold.validationSize();
            scores.add(task.isClassification() ? Metrics.all(task, predictions, fold.trueClasses())
                    : Metrics.all(task, predictions, fold.trueValues()));
            if (oof != null) {
                addOutOfFold(oof, fold, predictions, outputs);
            }
            if (scores.size() < folds.size() && pruner.prune(scores.size(), CvResult.of(scores).mean(metric.label()))) {
                status = TrialStatus.PRUNED;
                break;
            }
        }
        CvResult cv = CvResult.of(scores);
        return new Trial(index, learner, params, rowFraction, status, cv, cv.mean(metric.label()), cv.std(metric.label()),
                fitSeconds, predictedRows == 0 ? Double.NaN : predictSeconds / predictedRows,
                status == TrialStatus.COMPLETE && oof != null ? oof.build() : null, null);
    }

    private void addOutOfFold(OutOfFold.Builder oof, FoldData fold, Predictions predictions, int outputs) {
        double[] row = new double[outputs];
        for (int i = 0; i < fold.validationSize(); i++) {
            if (task.isClassification()) {
                for (int k = 0; k < outputs; k++) {
                    row[k] = predictions.probability(i, k);
                }
            } else {
                row[0] = predictions.value(i);
            }
            oof.add(fold.validationRow(i), row);
        }
    }

    private static Trial failed(int index, String learner, Map<String, String> params, double rowFraction, String error) {
        return new Trial(index, learner, params, rowFraction, TrialStatus.FAILED, CvResult.of(List.of()), Double.NaN,
                Double.NaN, 0, Double.NaN, null, error);
    }

    /** A seeded {@code fraction} of the rows of {@code frame} (at least 2 rows), in their original order. */
    static Frame subsample(Frame frame, double fraction, long seed) {
        int n = frame.rowCount();
        int keep = Math.min(n, Math.max(2, (int) Math.ceil(n * fraction)));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < keep; i++) { // partial Fisher–Yates: the first keep positions are a uniform sample
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] rows = java.util.Arrays.copyOf(order, keep);
        java.util.Arrays.sort(rows);
        return frame.take(rows);
    }
}
