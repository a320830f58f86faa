package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Training and validation scores of one learner refitted on growing, nested, seeded subsets of the training rows
 * (10%, 32.5%, 55%, 77.5% and 100%, as scikit-learn's {@code learning_curve} default), with a {@link FitVerdict}.
 * The training score is measured on the subset the model was fitted on, the validation score on held-out rows.
 * For classification the subsets keep the class proportions (each class's rows are shuffled and interleaved).
 * Deterministic under the seed. Immutable.
 */
public record LearningCurve(String metric, List<Point> points, FitVerdict verdict) {
    /** Fractions of the training rows fitted on. */
    static final double[] FRACTIONS = {0.1, 0.325, 0.55, 0.775, 1.0};

    /** One training size with its two scores. */
    public record Point(int trainRows, double trainScore, double validationScore) {
    }

    /** Fits a model on the given training rows and returns its predictor. */
    @FunctionalInterface
    public interface Fitter {
        Predictor fit(int[] trainRows);
    }

    /** Predictions of a fitted model for training rows (by index) or for the validation rows. */
    public interface Predictor {
        Predictions predictTrain(int[] rows);

        Predictions predictValidation();
    }

    public LearningCurve {
        points = List.copyOf(points);
    }

    /**
     * The learning curve of {@code fitter}.
     *
     * @param trainTruth the truth of every training row
     * @param validationTruth the truth of the validation rows
     * @param classes the class labels (empty for regression), for the constant predictor
     */
    public static LearningCurve of(Fitter fitter, Truth trainTruth, Truth validationTruth, Task task, List<String> classes,
            Metric metric, long seed) {
        int n = trainTruth.size();
        Checks.checkArgument(n >= 2 && validationTruth.size() >= 1, "a learning curve needs training and validation rows");
        int[] order = order(trainTruth, classes.size(), seed);
        List<Point> points = new ArrayList<>();
        int previous = 0;
        for (double fraction : FRACTIONS) {
            int size = Math.max(Math.min(n, Math.max(2, classes.size() * 2)), (int) Math.round(n * fraction));
            if (size <= previous) {
                continue;
            }
            previous = size;
            int[] rows = Arrays.copyOf(order, size);
            Arrays.sort(rows);
            Predictor predictor = fitter.fit(rows);
            double train = trainTruth.take(rows).score(metric, predictor.predictTrain(rows));
            double validation = validationTruth.score(metric, predictor.predictValidation());
            points.add(new Point(size, train, validation));
        }
        double baseline = validationTruth.score(metric, constant(task, classes, trainTruth, validationTruth.size()));
        return new LearningCurve(metric.label(), points, verdict(metric, points, baseline));
    }

    /** Training rows in the order subsets take them: shuffled, classes interleaved in proportion. */
    static int[] order(Truth truth, int classCount, long seed) {
        int n = truth.size();
        SplitMix64 random = new SplitMix64(seed);
        int[] order = PermutationImportance.identity(n);
        random.shuffle(order, 0, n);
        if (!(truth instanceof Truth.Classes classes) || classCount == 0) {
            return order;
        }
        // the r-th of a class's c rows gets key (r + 0.5) / c: sorting by key interleaves classes in proportion
        int[] total = new int[classCount];
        for (int i = 0; i < n; i++) {
            total[classes.code(i)]++;
        }
        int[] seen = new int[classCount];
        double[] key = new double[n];
        for (int row : order) {
            int c = classes.code(row);
            key[row] = (seen[c]++ + 0.5) / total[c];
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = order[i];
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(key[a], key[b]));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /** The constant predictor: training class frequencies, or the training mean. */
    private static Predictions constant(Task task, List<String> classes, Truth train, int rows) {
        if (train instanceof Truth.Values values) {
            double mean = PermutationImportance.mean(values.values());
            double[] out = new double[rows];
            Arrays.fill(out, mean);
            return Predictions.ofValues(out);
        }
        Truth.Classes codes = (Truth.Classes) train;
        int k = classes.size();
        double[] prior = new double[k];
        for (int i = 0; i < codes.size(); i++) {
            prior[codes.code(i)] += 1.0 / codes.size();
        }
        double[] out = new double[rows * k];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(prior, 0, out, i * k, k);
        }
        return Predictions.ofProbabilities(task, classes, out);
    }

    static FitVerdict verdict(Metric metric, List<Point> points, double baseline) {
        Point last = points.get(points.size() - 1);
        double perfect = metric.higherIsBetter() ? 1.0 : 0.0;
        double trainSkill = skill(last.trainScore(), baseline, perfect);
        double validationSkill = skill(last.validationScore(), baseline, perfect);
        double gap = trainSkill - validationSkill;
        double gain = points.size() < 2 ? Double.NaN
                : validationSkill - skill(points.get(points.size() - 2).validationScore(), baseline, perfect);
        String numbers = String.format(Locale.ROOT, "%s %.4f on training rows, %.4f on validation rows, %.4f for a constant "
                + "predictor (skill %.2f vs %.2f, gap %.2f)", metric.label(), last.trainScore(), last.validationScore(),
                baseline, trainSkill, validationSkill, gap);
        String trend = Double.isNaN(gain) ? "" : gain > 0.01
                ? String.format(Locale.ROOT, "; validation skill still rising (+%.2f over the last step): more rows would likely help", gain)
                : "; validation skill has levelled off";
        String kind;
        String message;
        if (!(trainSkill >= FitVerdict.MIN_TRAIN_SKILL)) {
            kind = FitVerdict.UNDERFITTING;
            message = "underfitting: the model does not fit its own training rows well; try a more flexible learner or"
                    + " better features. " + numbers + trend;
        } else if (gap > FitVerdict.MAX_GAP) {
            kind = FitVerdict.OVERFITTING;
            message = "overfitting: training rows score much better than held-out rows; regularise, simplify or add"
                    + " rows. " + numbers + trend;
        } else {
            kind = FitVerdict.GOOD_FIT;
            message = "good fit: training and validation scores are close and well above a constant predictor. " + numbers + trend;
        }
        return new FitVerdict(kind, last.trainScore(), last.validationScore(), baseline, trainSkill, validationSkill, gap,
                gain, message);
    }

    /** (score − baseline) / (perfect − baseline), NaN when they coincide. */
    static double skill(double score, double baseline, double perfect) {
        return perfect == baseline ? Double.NaN : (score - baseline) / (perfect - baseline);
    }
}
