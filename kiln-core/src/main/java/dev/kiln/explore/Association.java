package dev.kiln.explore;

import java.util.Arrays;

/**
 * Measures of association between two columns, over the rows where both are present: Pearson and
 * Spearman correlation (numeric × numeric), Cramér's V (categorical × categorical, bias-uncorrected,
 * as {@code scipy.stats.contingency.association}) and the correlation ratio η (numeric ×
 * categorical). Inputs are primitive arrays: NaN or a negative code marks a missing value. Stateless.
 */
final class Association {
    private Association() {
    }

    /** Pearson's r; NaN when fewer than two shared rows or a constant side. */
    static double pearson(double[] x, double[] y) {
        int n = 0;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
                mx += x[i];
                my += y[i];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /** Average ranks (1-based, ties share their mean rank) among the present values; NaN stays NaN. O(n) after a radix sort. */
    static double[] ranks(double[] x) {
        int[] order = RadixOrder.of(x);
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && x[order[end + 1]] == x[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                out[order[k]] = rank;
            }
            start = end + 1;
        }
        return out;
    }

    /** Cramér's V of two code arrays with {@code kx} and {@code ky} levels. */
    static double cramersV(int[] x, int kx, int[] y, int ky) {
        double[][] table = new double[kx][ky];
        double[] rows = new double[kx];
        double[] cols = new double[ky];
        double n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 0 && y[i] >= 0) {
                table[x[i]][y[i]]++;
                rows[x[i]]++;
                cols[y[i]]++;
                n++;
            }
        }
        int usedRows = 0;
        int usedCols = 0;
        for (double r : rows) {
            usedRows += r > 0 ? 1 : 0;
        }
        for (double c : cols) {
            usedCols += c > 0 ? 1 : 0;
        }
        if (n == 0 || usedRows < 2 || usedCols < 2) {
            return Double.NaN;
        }
        double chi2 = 0;
        for (int a = 0; a < kx; a++) {
            for (int b = 0; b < ky; b++) {
                if (rows[a] > 0 && cols[b] > 0) {
                    double expected = rows[a] * cols[b] / n;
                    chi2 += (table[a][b] - expected) * (table[a][b] - expected) / expected;
                }
            }
        }
        return Math.sqrt(chi2 / (n * (Math.min(usedRows, usedCols) - 1)));
    }

    /** The correlation ratio η of numeric {@code x} grouped by codes {@code g} with {@code k} levels. */
    static double correlationRatio(double[] x, int[] g, int k) {
        double[] sums = new double[k];
        int[] counts = new int[k];
        double total = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && g[i] >= 0) {
                sums[g[i]] += x[i];
                counts[g[i]]++;
                total += x[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = total / n;
        double between = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                double d = sums[c] / counts[c] - mean;
                between += counts[c] * d * d;
            }
        }
        double within = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && g[i] >= 0) {
                within += (x[i] - mean) * (x[i] - mean);
            }
        }
        return within > 0 ? Math.sqrt(between / within) : Double.NaN;
    }
}
