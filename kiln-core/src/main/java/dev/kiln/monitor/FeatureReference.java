package dev.kiln.monitor;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.NumericColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one feature was distributed in the training data, as proportions over fixed bins. Numeric:
 * bins split at training deciles ({@code edges}), then one bin for missing. Categorical and boolean:
 * one bin per training level, one for levels never seen in training, one for missing. Immutable.
 */
public record FeatureReference(String name, ColumnKind kind, double[] edges, List<String> levels, double[] proportions) {
    public FeatureReference {
        edges = edges.clone();
        levels = List.copyOf(levels);
        proportions = proportions.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] proportions() {
        return proportions.clone();
    }

    /** The reference of {@code column}, or null for kinds that are not tracked (text, timestamp). */
    public static FeatureReference fit(Column column) {
        if (column instanceof NumericColumn n) {
            double[] edges = decileEdges(n);
            return new FeatureReference(n.name(), n.kind(), edges, List.of(), numericProportions(n, edges));
        }
        if (column instanceof CategoricalColumn c) {
            List<String> levels = c.levels();
            return new FeatureReference(c.name(), c.kind(), new double[0], levels, categoricalProportions(c, levels));
        }
        return null;
    }

    /** PSI of {@code column} (new data) against this reference. */
    public double psi(Column column) {
        double[] actual = column instanceof NumericColumn n ? numericProportions(n, edges)
                : categoricalProportions((CategoricalColumn) column, levels);
        return Psi.between(proportions, actual);
    }

    private static double[] decileEdges(NumericColumn n) {
        double[] values = Arrays.stream(n.toArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return new double[0];
        }
        double[] edges = new double[9];
        int count = 0;
        for (int q = 1; q <= 9; q++) {
            double edge = values[(int) Math.min(values.length - 1, Math.floor(q * values.length / 10.0))];
            if (count == 0 || edge > edges[count - 1]) {
                edges[count++] = edge;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    /** Proportions over bins {@code (-inf, e0), [e0, e1), ..., [ek, inf)} and missing. */
    private static double[] numericProportions(NumericColumn n, double[] edges) {
        double[] counts = new double[edges.length + 2];
        for (int i = 0; i < n.size(); i++) {
            double v = n.get(i);
            if (Double.isNaN(v)) {
                counts[edges.length + 1]++;
            } else {
                int bin = Arrays.binarySearch(edges, v);
                counts[bin >= 0 ? bin + 1 : -bin - 1]++;
            }
        }
        return normalise(counts, n.size());
    }

    private static double[] categoricalProportions(CategoricalColumn c, List<String> levels) {
        Map<String, Integer> bin = new HashMap<>();
        for (int k = 0; k < levels.size(); k++) {
            bin.put(levels.get(k), k);
        }
        int[] binOfCode = new int[c.levels().size()];
        for (int k = 0; k < binOfCode.length; k++) {
            binOfCode[k] = bin.getOrDefault(c.levels().get(k), levels.size());
        }
        double[] counts = new double[levels.size() + 2];
        for (int i = 0; i < c.size(); i++) {
            int code = c.code(i);
            counts[code == CategoricalColumn.MISSING ? levels.size() + 1 : binOfCode[code]]++;
        }
        return normalise(counts, c.size());
    }

    private static double[] normalise(double[] counts, int total) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = total == 0 ? 0 : counts[i] / total;
        }
        return counts;
    }
}
