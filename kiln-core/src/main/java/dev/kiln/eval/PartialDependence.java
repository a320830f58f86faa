package dev.kiln.eval;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Partial dependence (Friedman 2001) of a predictor on one input column: the mean prediction over the given rows
 * when the column is set to each grid value, everything else left as it is. The grid is the column's distinct
 * quantiles from 5% to 95% for a numeric column, its levels (most frequent first, at most {@code gridSize}) for a
 * categorical one. Outputs: the positive-class probability (binary), every class probability (multiclass) or the
 * value (regression). Immutable.
 *
 * @param grid the grid's labels (formatted numbers or levels), in order
 * @param values the numeric grid values; empty for a categorical column
 * @param outputs the name of each output
 * @param average {@code average[g][k]}: mean of output {@code k} with the column set to grid point {@code g}
 */
public record PartialDependence(String feature, List<String> grid, double[] values, List<String> outputs, double[][] average) {
    public PartialDependence {
        grid = List.copyOf(grid);
        values = values.clone();
        outputs = List.copyOf(outputs);
        average = Arrays.stream(average).map(double[]::clone).toArray(double[][]::new);
    }

    /** The partial dependence of {@code predict} on column {@code feature} of {@code input}, {@code gridSize} >= 2 points at most. */
    public static PartialDependence of(Function<Frame, Predictions> predict, Frame input, String feature, int gridSize) {
        Checks.checkArgument(gridSize >= 2, "gridSize must be >= 2: %s", gridSize);
        Column column = input.column(feature);
        int n = input.rowCount();
        List<String> labels = new ArrayList<>();
        List<Column> settings = new ArrayList<>();
        double[] values = new double[0];
        if (column instanceof NumericColumn numeric) {
            values = quantileGrid(numeric, gridSize);
            for (double v : values) {
                double[] constant = new double[n];
                Arrays.fill(constant, v);
                labels.add(format(v));
                settings.add(NumericColumn.wrap(feature, constant));
            }
        } else if (column instanceof CategoricalColumn categorical) {
            for (int level : topLevels(categorical, gridSize)) {
                int[] constant = new int[n];
                Arrays.fill(constant, level);
                labels.add(categorical.levels().get(level));
                settings.add(CategoricalColumn.of(feature, constant, categorical.levels()));
            }
        } else {
            throw new IllegalArgumentException("partial dependence needs a numeric or categorical column; '" + feature
                    + "' is " + column.kind().label());
        }
        List<String> outputs = null;
        double[][] average = new double[settings.size()][];
        for (int g = 0; g < settings.size(); g++) {
            Predictions p = predict.apply(input.with(settings.get(g)));
            outputs = outputNames(p);
            average[g] = meanOutputs(p);
        }
        return new PartialDependence(feature, labels, values, outputs == null ? List.of() : outputs, average);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[][] average() {
        return Arrays.stream(average).map(double[]::clone).toArray(double[][]::new);
    }

    static List<String> outputNames(Predictions p) {
        if (!p.task().isClassification()) {
            return List.of("prediction");
        }
        return p.classes().size() == 2 ? List.of("p(" + p.classes().get(1) + ")") : p.classes().stream().map(c -> "p(" + c + ")").toList();
    }

    static double[] meanOutputs(Predictions p) {
        int n = p.size();
        if (!p.task().isClassification()) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += p.value(i);
            }
            return new double[] {sum / n};
        }
        int k = p.classes().size();
        int first = k == 2 ? 1 : 0;
        double[] out = new double[k - first];
        for (int i = 0; i < n; i++) {
            for (int c = first; c < k; c++) {
                out[c - first] += p.probability(i, c);
            }
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= n;
        }
        return out;
    }

    /** Distinct values at the 5%..95% quantiles (linear interpolation), {@code points} of them at most. */
    static double[] quantileGrid(NumericColumn column, int points) {
        double[] present = new double[column.size()];
        int m = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.get(i);
            if (!Double.isNaN(v)) {
                present[m++] = v;
            }
        }
        Checks.checkArgument(m > 0, "column '%s' has no values", column.name());
        double[] sorted = Arrays.copyOf(present, m);
        Arrays.sort(sorted);
        double[] grid = new double[points];
        int distinct = 0;
        for (int g = 0; g < points; g++) {
            double q = 0.05 + 0.9 * g / (points - 1);
            double position = q * (m - 1);
            int lo = (int) Math.floor(position);
            int hi = Math.min(m - 1, lo + 1);
            double v = sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
            if (distinct == 0 || v != grid[distinct - 1]) {
                grid[distinct++] = v;
            }
        }
        return Arrays.copyOf(grid, distinct);
    }

    private static int[] topLevels(CategoricalColumn column, int limit) {
        int[] counts = column.levelCounts();
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int kept = 0;
        int[] out = new int[Math.min(limit, order.length)];
        for (int i = 0; i < order.length && kept < out.length; i++) {
            if (counts[order[i]] > 0) {
                out[kept++] = order[i];
            }
        }
        return Arrays.copyOf(out, kept);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
