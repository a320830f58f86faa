package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rescales numeric columns as {@code (x - center) / scale}: {@link Method#STANDARD} (mean, population
 * standard deviation), {@link Method#MIN_MAX} (min, max - min; maps training values to [0, 1]) or
 * {@link Method#ROBUST} (median, interquartile range). A zero scale becomes 1. Missing values stay missing.
 */
public final class Scaler implements Transformer {
    /** Which center and scale. */
    public enum Method { STANDARD, MIN_MAX, ROBUST }

    private final Method method;
    private final List<String> columns;

    /** @param columns the numeric columns to scale; empty for every numeric column */
    public Scaler(Method method, List<String> columns) {
        this.method = method;
        this.columns = List.copyOf(columns);
    }

    public Scaler(Method method) {
        this(method, List.of());
    }

    @Override
    public FittedScaler fit(Frame train) {
        Map<String, Double> centers = new LinkedHashMap<>();
        Map<String, Double> scales = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (!(column instanceof NumericColumn n) || (!columns.isEmpty() && !columns.contains(n.name()))) {
                continue;
            }
            double[] sorted = TrainingStats.sortedPresent(n);
            if (sorted.length == 0) {
                continue;
            }
            double center;
            double scale;
            switch (method) {
                case STANDARD -> {
                    center = TrainingStats.mean(sorted);
                    scale = TrainingStats.std(sorted);
                }
                case MIN_MAX -> {
                    center = sorted[0];
                    scale = sorted[sorted.length - 1] - sorted[0];
                }
                default -> {
                    center = TrainingStats.quantile(sorted, 0.5);
                    scale = TrainingStats.quantile(sorted, 0.75) - TrainingStats.quantile(sorted, 0.25);
                }
            }
            centers.put(n.name(), center);
            scales.put(n.name(), scale > 0 && Double.isFinite(scale) ? scale : 1.0);
        }
        return new FittedScaler(centers, scales);
    }
}
