package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * A reliability diagram: predicted probabilities in equal-width bins over [0, 1], and per non-empty bin the mean
 * predicted probability and the observed frequency, as scikit-learn's {@code calibration_curve(strategy='uniform')}
 * (bin {@code b} holds (b/n, (b+1)/n], the first also 0). For binary tasks the probability of the positive class;
 * for multiclass the probability of the predicted class against whether it was right. Also the expected calibration
 * error: the row-weighted mean |observed − predicted| over bins. Immutable.
 */
public record CalibrationCurve(List<Bin> bins, double expectedCalibrationError) {
    /** One non-empty bin: its bounds, the rows in it, their mean predicted probability and observed frequency. */
    public record Bin(double lower, double upper, long count, double meanPredicted, double observed) {
    }

    public CalibrationCurve {
        bins = List.copyOf(bins);
    }

    /** The curve of {@code predictions} against {@code trueClass} with {@code binCount} bins. */
    public static CalibrationCurve of(Predictions predictions, int[] trueClass, int binCount) {
        Checks.checkArgument(binCount >= 1, "binCount must be >= 1: %s", binCount);
        Checks.checkArgument(predictions.task().isClassification(), "a calibration curve needs a classifier");
        int n = trueClass.length;
        double[] sumPredicted = new double[binCount];
        double[] sumObserved = new double[binCount];
        long[] counts = new long[binCount];
        boolean binary = predictions.task() == Task.BINARY;
        for (int i = 0; i < n; i++) {
            int c = binary ? ConfusionMatrix.POSITIVE : predictions.classIndex(i);
            double p = predictions.probability(i, c);
            int bin = bin(p, binCount);
            sumPredicted[bin] += p;
            sumObserved[bin] += trueClass[i] == c ? 1 : 0;
            counts[bin]++;
        }
        List<Bin> bins = new ArrayList<>();
        double error = 0;
        for (int b = 0; b < binCount; b++) {
            if (counts[b] > 0) {
                double predicted = sumPredicted[b] / counts[b];
                double observed = sumObserved[b] / counts[b];
                bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, counts[b], predicted, observed));
                error += counts[b] * Math.abs(observed - predicted);
            }
        }
        return new CalibrationCurve(bins, n == 0 ? Double.NaN : error / n);
    }

    /** The bin of {@code p}: the number of inner edges b/n strictly below it, as {@code numpy.searchsorted(side='left')}. */
    static int bin(double p, int binCount) {
        int bin = 0;
        double step = 1.0 / binCount; // edges as numpy.linspace computes them: i * step
        while (bin < binCount - 1 && (bin + 1) * step < p) {
            bin++;
        }
        return bin;
    }
}
