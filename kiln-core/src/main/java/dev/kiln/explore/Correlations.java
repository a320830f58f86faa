package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes the {@link Relationships} of a frame. Pearson needs one pass over the rows per pair of numeric
 * columns (values centred once per column, so the one-pass sums stay accurate); Spearman is the same on ranks.
 * O(rows × numeric²) time, O(rows × numeric) memory. Stateless.
 */
final class Correlations {
    static final int MAX_NUMERIC = 60;
    static final int MAX_LEVELS = 100;

    private Correlations() {
    }

    static Relationships of(Frame frame) {
        List<String> numericNames = new ArrayList<>();
        List<double[]> numeric = new ArrayList<>();
        List<String> categoricalNames = new ArrayList<>();
        List<CategoricalColumn> categorical = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column instanceof NumericColumn n && numeric.size() < MAX_NUMERIC) {
                numericNames.add(n.name());
                numeric.add(n.toArray());
            } else if (column instanceof CategoricalColumn c && c.levels().size() <= MAX_LEVELS && c.levels().size() >= 1) {
                categoricalNames.add(c.name());
                categorical.add(c);
            }
        }
        List<double[]> ranks = numeric.parallelStream().map(Association::ranks).toList();
        List<List<Double>> pearson = matrix(center(numeric));
        // ranks are computed per column (in parallel), then correlated like the values
        List<List<Double>> spearman = matrix(center(ranks));
        List<List<Double>> cramers = new ArrayList<>();
        for (CategoricalColumn a : categorical) {
            List<Double> row = new ArrayList<>();
            for (CategoricalColumn b : categorical) {
                row.add(NumericStats.finite(a == b ? 1.0 : Association.cramersV(a.toCodes(), a.levels().size(), b.toCodes(),
                        b.levels().size())));
            }
            cramers.add(row);
        }
        List<Relationships.CorrelationRatio> ratios = new ArrayList<>();
        for (int j = 0; j < numeric.size(); j++) {
            for (CategoricalColumn c : categorical) {
                ratios.add(new Relationships.CorrelationRatio(numericNames.get(j), c.name(),
                        NumericStats.finite(Association.correlationRatio(numeric.get(j), c.toCodes(), c.levels().size()))));
            }
        }
        return new Relationships(numericNames, pearson, spearman, categoricalNames, cramers, ratios);
    }

    /** Each column minus its mean over present values; NaN stays NaN. */
    private static List<double[]> center(List<double[]> columns) {
        List<double[]> out = new ArrayList<>();
        for (double[] values : columns) {
            double sum = 0;
            int n = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double[] centred = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                centred[i] = values[i] - mean;
            }
            out.add(centred);
        }
        return out;
    }

    private static List<List<Double>> matrix(List<double[]> centred) {
        int d = centred.size();
        Double[][] m = new Double[d][d];
        java.util.stream.IntStream.range(0, d).parallel().forEach(a -> {
            m[a][a] = allMissingOrConstant(centred.get(a)) ? null : 1.0;
            for (int b = a + 1; b < d; b++) {
                m[a][b] = NumericStats.finite(pairwise(centred.get(a), centred.get(b)));
            }
        });
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                m[a][b] = m[b][a];
            }
        }
        List<List<Double>> out = new ArrayList<>();
        for (Double[] row : m) {
            out.add(Arrays.asList(row));
        }
        return out;
    }

    /** Pearson's r of already-centred columns over the rows where both are present. */
    static double pairwise(double[] x, double[] y) {
        long n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double a = x[i];
            double b = y[i];
            if (a == a && b == b) {
                n++;
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx > 0 && vy > 0 ? Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy))) : Double.NaN;
    }

    private static boolean allMissingOrConstant(double[] values) {
        double first = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
