package dev.kiln.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-validated scores of one learner: every metric on every fold scored so far (in fold order), and
 * per metric the mean and the sample standard deviation over those folds (0 with a single fold). Metrics
 * that are NaN on some fold (ROC-AUC on a single-class fold) are averaged over the other folds. Immutable.
 */
public record CvResult(List<Map<String, Double>> folds, Map<String, Double> mean, Map<String, Double> std) {
    public CvResult {
        folds = folds.stream().map(m -> (Map<String, Double>) java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
        mean = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mean));
        std = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(std));
    }

    /** The summary of {@code folds}: per metric (in the first fold's order) the mean and standard deviation. */
    public static CvResult of(List<Map<String, Double>> folds) {
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        if (!folds.isEmpty()) {
            for (String metric : folds.get(0).keySet()) {
                double sum = 0;
                int n = 0;
                for (Map<String, Double> fold : folds) {
                    Double v = fold.get(metric);
                    if (v != null && !Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
                double m = n == 0 ? Double.NaN : sum / n;
                double squares = 0;
                for (Map<String, Double> fold : folds) {
                    Double v = fold.get(metric);
                    if (v != null && !Double.isNaN(v)) {
                        squares += (v - m) * (v - m);
                    }
                }
                mean.put(metric, m);
                std.put(metric, n == 0 ? Double.NaN : n == 1 ? 0.0 : Math.sqrt(squares / (n - 1)));
            }
        }
        return new CvResult(folds, mean, std);
    }

    /** The mean of {@code metric} over the folds, NaN when it was not computed. */
    public double mean(String metric) {
        return mean.getOrDefault(metric, Double.NaN);
    }

    /** The standard deviation of {@code metric} over the folds, NaN when it was not computed. */
    public double std(String metric) {
        return std.getOrDefault(metric, Double.NaN);
    }
}
