package dev.kiln.eval;

import dev.kiln.learn.Predictions;

/**
 * Counts of (true class, predicted class) pairs, and the precision, recall and F1 derived from them.
 * Row-major: {@code counts[trueClass * k + predictedClass]}.
 */
final class ConfusionMatrix {
    /** The positive class of a binary task. */
    static final int POSITIVE = 1;

    private final int classCount;
    private final long[] counts;
    private final long[] truePerClass;
    private final long[] predictedPerClass;

    private ConfusionMatrix(int classCount) {
        this.classCount = classCount;
        this.counts = new long[classCount * classCount];
        this.truePerClass = new long[classCount];
        this.predictedPerClass = new long[classCount];
    }

    static ConfusionMatrix of(Predictions predictions, int[] trueClass) {
        ConfusionMatrix matrix = new ConfusionMatrix(predictions.classes().size());
        for (int i = 0; i < trueClass.length; i++) {
            int predicted = predictions.classIndex(i);
            matrix.counts[trueClass[i] * matrix.classCount + predicted]++;
            matrix.truePerClass[trueClass[i]]++;
            matrix.predictedPerClass[predicted]++;
        }
        return matrix;
    }

    /** The count of rows of true class {@code actual} predicted as {@code predicted}. */
    long count(int actual, int predicted) {
        return counts[actual * classCount + predicted];
    }

    /** Precision, recall or F1 of the positive class ({@code binary}) or macro-averaged over classes seen. */
    double score(Metric metric, boolean binary) {
        if (binary) {
            return score(metric, POSITIVE);
        }
        double sum = 0.0;
        int seen = 0;
        for (int c = 0; c < classCount; c++) {
            if (truePerClass[c] > 0 || predictedPerClass[c] > 0) {
                sum += score(metric, c);
                seen++;
            }
        }
        return seen == 0 ? Double.NaN : sum / seen;
    }

    private double score(Metric metric, int c) {
        long truePositives = count(c, c);
        return switch (metric) {
            case PRECISION -> ratio(truePositives, predictedPerClass[c]);
            case RECALL -> ratio(truePositives, truePerClass[c]);
            case F1 -> ratio(2 * truePositives, truePerClass[c] + predictedPerClass[c]);
            default -> throw new IllegalStateException("not a confusion-matrix metric: " + metric);
        };
    }

    /** {@code numerator / denominator}, or 0 when the denominator is 0 (scikit-learn's zero_division=0). */
    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
