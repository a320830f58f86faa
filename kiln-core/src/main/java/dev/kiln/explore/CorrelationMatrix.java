package dev.kiln.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Pearson correlations of every pair of columns, over the rows where both are present (pairwise-complete, as
 * pandas' {@code corr()}). Each column is centred once on the mean of its present values, with 0 for a missing
 * value; the sums over the rows two columns share then follow from one dot product of the two centred columns
 * (a missing value contributes 0) and corrections over each column's few missing rows only. All dot products
 * are accumulated over blocks of rows that stay in cache, in a fixed number of row ranges summed in order, so the
 * result does not depend on the number of threads. Runs on the common fork/join pool. O(rows × columns²) time,
 * O(rows × columns) memory.
 */
final class CorrelationMatrix {
    /** Row ranges whose partial sums are added in order (fixed, so results are the same on any machine). */
    private static final int PARTS = 64;
    /** Rows per cache block: 29 columns × 1024 rows × 8 bytes stay within a core's L2 cache. */
    private static final int BLOCK = 1024;

    private final double[][] centred;
    private final int[][] missingRows;
    private final double[] sums;
    private final double[] squares;
    private final int rows;

    private CorrelationMatrix(List<double[]> columns) {
        int d = columns.size();
        this.rows = d == 0 ? 0 : columns.get(0).length;
        this.centred = new double[d][];
        this.missingRows = new int[d][];
        this.sums = new double[d];
        this.squares = new double[d];
        IntStream.range(0, d).parallel().forEach(j -> centre(j, columns.get(j)));
    }

    /**
     * The symmetric matrix of correlations of {@code columns} (NaN = missing); null where undefined. The arrays are
     * handed over: they are centred in place (missing values become 0), so the caller must not use them again.
     */
    static List<List<Double>> of(List<double[]> columns) {
        return new CorrelationMatrix(columns).matrix();
    }

    private void centre(int j, double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (v == v) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double[] c = values;
        int[] missing = new int[values.length - n];
        int m = 0;
        double s = 0;
        double ss = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v == v) {
                double x = v - mean;
                c[i] = x;
                s += x;
                ss += x * x;
            } else {
                c[i] = 0;
                missing[m++] = i;
            }
        }
        centred[j] = c;
        missingRows[j] = missing;
        sums[j] = s;
        squares[j] = ss;
    }

    private List<List<Double>> matrix() {
        int d = centred.length;
        int pairs = d * (d - 1) / 2;
        int[] first = new int[pairs];
        int[] second = new int[pairs];
        for (int a = 0, p = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++, p++) {
                first[p] = a;
                second[p] = b;
            }
        }
        double[][] partial = new double[PARTS][pairs];
        IntStream.range(0, PARTS).parallel().forEach(part -> {
            int from = (int) ((long) rows * part / PARTS);
            int to = (int) ((long) rows * (part + 1) / PARTS);
            double[] acc = partial[part];
            for (int start = from; start < to; start += BLOCK) {
                int end = Math.min(to, start + BLOCK);
                for (int p = 0; p < pairs; p++) {
                    acc[p] += dot(centred[first[p]], centred[second[p]], start, end);
                }
            }
        });
        Double[] values = new Double[pairs];
        IntStream.range(0, pairs).parallel().forEach(p -> {
            double products = 0;
            for (double[] acc : partial) {
                products += acc[p];
            }
            values[p] = NumericStats.finite(correlation(first[p], second[p], products));
        });
        Double[][] m = new Double[d][d];
        for (int p = 0; p < pairs; p++) {
            m[first[p]][second[p]] = values[p];
            m[second[p]][first[p]] = values[p];
        }
        List<List<Double>> out = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            m[a][a] = varies(a) ? 1.0 : null;
            out.add(Arrays.asList(m[a]));
        }
        return out;
    }

    /** Whether column {@code a} has two different present values. */
    private boolean varies(int a) {
        double first = Double.NaN;
        double[] c = centred[a];
        int[] missing = missingRows[a];
        for (int i = 0, k = 0; i < c.length; i++) {
            if (k < missing.length && missing[k] == i) {
                k++;
            } else if (first != first) {
                first = c[i];
            } else if (c[i] != first) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pearson's r of columns {@code a} and {@code b} over their shared rows, from the dot product of their centred
     * columns and sums corrected over the rows where only one of them is present; NaN below two shared rows or
     * when one side is constant over them.
     */
    private double correlation(int a, int b, double products) {
        double sa = sums[a];
        double saa = squares[a];
        double sb = sums[b];
        double sbb = squares[b];
        double[] ca = centred[a];
        double[] cb = centred[b];
        for (int i : missingRows[b]) { // rows where b is missing leave a's sums (a's value is 0 where a is missing too)
            sa -= ca[i];
            saa -= ca[i] * ca[i];
        }
        for (int i : missingRows[a]) {
            sb -= cb[i];
            sbb -= cb[i] * cb[i];
        }
        long n = rows - missingRows[a].length - missingRows[b].length + both(missingRows[a], missingRows[b]);
        if (n < 2) {
            return Double.NaN;
        }
        double cov = products - sa * sb / n;
        double va = saa - sa * sa / n;
        double vb = sbb - sb * sb / n;
        return va > 0 && vb > 0 ? Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb))) : Double.NaN;
    }

    /** How many rows two ascending lists share. */
    private static int both(int[] x, int[] y) {
        int n = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                n++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** The dot product of {@code x} and {@code y} over {@code [from, to)}, four partial sums for throughput. */
    private static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < to; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
