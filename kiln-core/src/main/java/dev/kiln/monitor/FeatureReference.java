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
 *
 * <p>Also kept, for the statistical tests of {@link DriftMethod}: the number of training rows
 * ({@code count}), and for numeric features the standard deviation and a sorted {@code sample} of the
 * non-missing values: all of them when there are at most {@value #EXACT_SAMPLE} (so tests on small
 * references are exact), else {@value #QUANTILES} evenly spaced quantiles. Bundles of format 1 written
 * before these existed have count 0 and an empty sample; only PSI applies to them.
 */
public record FeatureReference(String name, ColumnKind kind, double[] edges, List<String> levels, double[] proportions,
                               long count, double[] sample, double std) {
    /** Up to this many non-missing training values are kept whole. */
    public static final int EXACT_SAMPLE = 1000;
    /** Beyond that, the quantiles at this many evenly spaced probabilities (0, 0.005, ..., 1). */
    public static final int QUANTILES = 201;

    public FeatureReference {
        edges = edges.clone();
        levels = List.copyOf(levels);
        proportions = proportions.clone();
        sample = sample.clone();
    }

    @Override
    public double[] sample() {
        return sample.clone();
    }

    /** Whether the sample holds every non-missing training value (so tests on it are exact). */
    public boolean exactSample() {
        return sample.length > 0 && sample.length <= EXACT_SAMPLE && (kind != ColumnKind.NUMERIC || sample.length == nonMissing());
    }

    /** The number of non-missing training values. */
    public long nonMissing() {
        return Math.round(count * (1 - proportions[proportions.length - 1]));
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
            double[] sorted = sortedValues(n);
            double[] edges = decileEdges(sorted);
            double[] sample = sorted.length <= EXACT_SAMPLE ? sorted : quantiles(sorted, QUANTILES);
            return new FeatureReference(n.name(), n.kind(), edges, List.of(), numericProportions(n, edges), n.size(), sample,
                    standardDeviation(sorted));
        }
        if (column instanceof CategoricalColumn c) {
            List<String> levels = c.levels();
            return new FeatureReference(c.name(), c.kind(), new double[0], levels, categoricalProportions(c, levels),
                    c.size(), new double[0], Double.NaN);
        }
        return null;
    }

    /** PSI of {@code column} (new data) against this reference. */
    public double psi(Column column) {
        return Psi.between(proportions, proportions(column));
    }

    /** The proportions of {@code column} (new data) over this reference's bins, as {@link #proportions()} has them. */
    public double[] proportionsOf(Column column) {
        return proportions(column);
    }

    /**
     * A label for every bin, in order: numeric {@code < e0}, {@code [e0, e1)}, ..., {@code >= ek}, {@code missing};
     * categorical the levels, then {@code (other)} and {@code (missing)}.
     */
    public List<String> binLabels() {
        List<String> out = new java.util.ArrayList<>();
        if (kind == ColumnKind.NUMERIC) {
            if (edges.length == 0) {
                out.add("all");
            } else {
                out.add("< " + format(edges[0]));
                for (int i = 1; i < edges.length; i++) {
                    out.add("[" + format(edges[i - 1]) + ", " + format(edges[i]) + ")");
                }
                out.add(">= " + format(edges[edges.length - 1]));
            }
            out.add("(missing)");
            return out;
        }
        out.addAll(levels);
        out.add("(other)");
        out.add("(missing)");
        return out;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** The proportions of {@code column} (new data) over this reference's bins. */
    double[] proportions(Column column) {
        return column instanceof NumericColumn n ? numericProportions(n, edges)
                : categoricalProportions((CategoricalColumn) column, levels);
    }

    static double[] sortedValues(NumericColumn n) {
        return Arrays.stream(n.toArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** Quantiles of ascending {@code sorted} at {@code points} evenly spaced probabilities, linearly interpolated. */
    static double[] quantiles(double[] sorted, int points) {
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            double position = (sorted.length - 1) * (double) i / (points - 1);
            int low = (int) Math.floor(position);
            int high = Math.min(low + 1, sorted.length - 1);
            out[i] = sorted[low] + (sorted[high] - sorted[low]) * (position - low);
        }
        return out;
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0.0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double[] decileEdges(double[] values) {
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
