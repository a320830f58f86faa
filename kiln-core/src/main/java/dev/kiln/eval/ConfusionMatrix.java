package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.learn.Predictions;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs, and the scores derived from them: precision, recall and F1
 * (per class, micro, macro and weighted), balanced accuracy, Matthews correlation and Cohen's kappa.
 * Row-major: {@code counts[trueClass * k + predictedClass]}. Immutable once built.
 */
public final class ConfusionMatrix {
    /** The positive class of a binary task. */
    static final int POSITIVE = 1;

    /** How per-class scores are combined. */
    enum Average { BINARY, MICRO, MACRO, WEIGHTED }

    private final List<String> classes;
    private final int classCount;
    private final long[] counts;
    private final long[] truePerClass;
    private final long[] predictedPerClass;
    private long total;

    private ConfusionMatrix(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.classCount = classes.size();
        this.counts = new long[classCount * classCount];
        this.truePerClass = new long[classCount];
        this.predictedPerClass = new long[classCount];
    }

    /** The matrix of the predicted classes of {@code predictions} against {@code trueClass}. */
    public static ConfusionMatrix of(Predictions predictions, int[] trueClass) {
        Checks.checkArgument(predictions.size() == trueClass.length, "truth has %s rows but predictions have %s",
                trueClass.length, predictions.size());
        ConfusionMatrix matrix = new ConfusionMatrix(predictions.classes());
        for (int i = 0; i < trueClass.length; i++) {
            matrix.add(trueClass[i], predictions.classIndex(i));
        }
        return matrix;
    }

    /** The matrix of class indexes {@code predicted} against {@code trueClass}, both in [0, classes). */
    public static ConfusionMatrix of(List<String> classes, int[] trueClass, int[] predicted) {
        Checks.checkArgument(predicted.length == trueClass.length, "truth has %s rows but predictions have %s",
                trueClass.length, predicted.length);
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        for (int i = 0; i < trueClass.length; i++) {
            Checks.checkArgument(predicted[i] >= 0 && predicted[i] < classes.size(), "predicted[%s] = %s is outside [0, %s)",
                    i, predicted[i], classes.size());
            matrix.add(trueClass[i], predicted[i]);
        }
        return matrix;
    }

    private void add(int actual, int predicted) {
        counts[actual * classCount + predicted]++;
        truePerClass[actual]++;
        predictedPerClass[predicted]++;
        total++;
    }

    /** The class labels, index = class code. */
    public List<String> classes() {
        return classes;
    }

    /** The count of rows of true class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual * classCount + predicted];
    }

    /** The counts as rows of true classes and columns of predicted classes. */
    public long[][] table() {
        long[][] out = new long[classCount][classCount];
        for (int a = 0; a < classCount; a++) {
            System.arraycopy(counts, a * classCount, out[a], 0, classCount);
        }
        return out;
    }

    /** The number of rows counted. */
    public long total() {
        return total;
    }

    /** Precision, recall or F1 of the positive class ({@code binary}) or macro-averaged over classes seen. */
    double score(Metric metric, boolean binary) {
        return score(metric, binary ? Average.BINARY : Average.MACRO);
    }

    /**
     * Precision, recall or F1 ({@code metric}'s family) averaged as asked. MACRO and WEIGHTED run over the classes
     * that occur in the truth or the predictions (scikit-learn's {@code unique_labels}); MICRO pools every row.
     */
    double score(Metric metric, Average average) {
        if (total == 0) {
            return Double.NaN;
        }
        return switch (average) {
            case BINARY -> score(metric, POSITIVE);
            case MICRO -> micro(metric);
            case MACRO, WEIGHTED -> mean(metric, average == Average.WEIGHTED);
        };
    }

    private double micro(Metric metric) {
        long truePositives = 0;
        for (int c = 0; c < classCount; c++) {
            truePositives += count(c, c);
        }
        // pooled over classes, predicted and true totals are both the row count, so P = R = F1
        return metric == Metric.F1 ? ratio(2 * truePositives, 2 * total) : ratio(truePositives, total);
    }

    private double mean(Metric metric, boolean weighted) {
        double sum = 0.0;
        double weights = 0.0;
        for (int c = 0; c < classCount; c++) {
            if (truePerClass[c] > 0 || predictedPerClass[c] > 0) {
                double weight = weighted ? truePerClass[c] : 1.0;
                sum += weight * score(metric, c);
                weights += weight;
            }
        }
        return weights == 0 ? 0.0 : sum / weights;
    }

    /** Precision, recall or F1 of class {@code c} alone. */
    double score(Metric metric, int c) {
        long truePositives = count(c, c);
        return switch (metric) {
            case PRECISION -> ratio(truePositives, predictedPerClass[c]);
            case RECALL -> ratio(truePositives, truePerClass[c]);
            case F1 -> ratio(2 * truePositives, truePerClass[c] + predictedPerClass[c]);
            default -> throw new IllegalStateException("not a confusion-matrix metric: " + metric);
        };
    }

    /** Mean recall over the classes that have true rows. */
    double balancedAccuracy() {
        double sum = 0.0;
        int present = 0;
        for (int c = 0; c < classCount; c++) {
            if (truePerClass[c] > 0) {
                sum += ratio(count(c, c), truePerClass[c]);
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /**
     * Matthews correlation in its multiclass form (Gorodkin 2004): (c·s − Σ p_k t_k) / sqrt((s² − Σ p_k²)(s² − Σ t_k²)),
     * with c the correct rows, s all rows, p_k and t_k the predicted and true counts of class k; 0 when a factor is 0.
     */
    double matthews() {
        double correct = 0;
        double predictedTrue = 0;
        double predictedSquares = 0;
        double trueSquares = 0;
        for (int c = 0; c < classCount; c++) {
            correct += count(c, c);
            predictedTrue += (double) predictedPerClass[c] * truePerClass[c];
            predictedSquares += (double) predictedPerClass[c] * predictedPerClass[c];
            trueSquares += (double) truePerClass[c] * truePerClass[c];
        }
        double s = total;
        double denominator = Math.sqrt(s * s - predictedSquares) * Math.sqrt(s * s - trueSquares);
        return denominator == 0 ? 0.0 : (correct * s - predictedTrue) / denominator;
    }

    /** Cohen's kappa: (p_o − p_e) / (1 − p_e); NaN when chance agreement is certain (p_e = 1). */
    double kappa() {
        double s = total;
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < classCount; c++) {
            observed += count(c, c);
            expected += (double) truePerClass[c] * predictedPerClass[c];
        }
        observed /= s;
        expected /= s * s;
        return expected == 1.0 ? Double.NaN : (observed - expected) / (1.0 - expected);
    }

    /** {@code numerator / denominator}, or 0 when the denominator is 0 (scikit-learn's zero_division=0). */
    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
