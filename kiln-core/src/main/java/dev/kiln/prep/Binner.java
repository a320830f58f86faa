package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds a bin index column {@code NAME_bin} (0 … bins - 1) for numeric columns, with edges fitted on
 * training rows: equal-width between the training min and max, or at training quantiles (duplicate
 * edges merged). Values outside the training range go to the first or last bin; missing stays missing.
 */
public final class Binner implements Transformer {
    /** Where the edges go. */
    public enum Method { UNIFORM, QUANTILE }

    private final int bins;
    private final Method method;
    private final List<String> columns;

    /** @param columns the numeric columns to bin; empty for every numeric column */
    public Binner(int bins, Method method, List<String> columns) {
        Checks.checkArgument(bins >= 2, "bins must be at least 2: %s", bins);
        this.bins = bins;
        this.method = method;
        this.columns = List.copyOf(columns);
    }

    @Override
    public FittedBinner fit(Frame train) {
        Map<String, double[]> edges = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (!(column instanceof NumericColumn n) || (!columns.isEmpty() && !columns.contains(n.name()))) {
                continue;
            }
            double[] sorted = TrainingStats.sortedPresent(n);
            if (sorted.length == 0) {
                continue;
            }
            double[] inner = new double[bins - 1];
            for (int b = 1; b < bins; b++) {
                inner[b - 1] = method == Method.QUANTILE ? TrainingStats.quantile(sorted, (double) b / bins)
                        : sorted[0] + (sorted[sorted.length - 1] - sorted[0]) * b / bins;
            }
            edges.put(n.name(), Arrays.stream(inner).distinct().toArray());
        }
        return new FittedBinner(edges);
    }
}
