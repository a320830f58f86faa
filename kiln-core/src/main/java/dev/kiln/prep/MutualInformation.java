package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.NumericColumn;
import java.util.Arrays;

/** Mutual information between discretised columns, in nats. Stateless. */
final class MutualInformation {
    private static final int BINS = 10;

    private MutualInformation() {
    }

    /** Bin index per row (-1 when missing): category codes, or ten quantile bins of a numeric column. */
    static int[] bins(Column column) {
        if (column instanceof CategoricalColumn c) {
            return c.toCodes();
        }
        if (!(column instanceof NumericColumn n)) {
            int[] none = new int[column.size()];
            Arrays.fill(none, -1);
            return none;
        }
        double[] sorted = TrainingStats.sortedPresent(n);
        double[] edges = new double[BINS - 1];
        for (int b = 1; b < BINS; b++) {
            edges[b - 1] = TrainingStats.quantile(sorted, (double) b / BINS);
        }
        edges = Arrays.stream(edges).distinct().toArray();
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            double v = n.get(i);
            if (Double.isNaN(v)) {
                out[i] = -1;
            } else {
                int p = Arrays.binarySearch(edges, v);
                out[i] = p >= 0 ? p : -p - 1;
            }
        }
        return out;
    }

    /** I(X; Y) over the rows where both are present. */
    static double score(int[] x, int[] y) {
        int kx = Arrays.stream(x).max().orElse(-1) + 1;
        int ky = Arrays.stream(y).max().orElse(-1) + 1;
        if (kx == 0 || ky == 0) {
            return 0.0;
        }
        double[][] joint = new double[kx][ky];
        double[] px = new double[kx];
        double[] py = new double[ky];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 0 && y[i] >= 0) {
                joint[x[i]][y[i]]++;
                px[x[i]]++;
                py[y[i]]++;
                n++;
            }
        }
        double mi = 0;
        for (int a = 0; a < kx; a++) {
            for (int b = 0; b < ky; b++) {
                if (joint[a][b] > 0) {
                    mi += joint[a][b] / n * Math.log(joint[a][b] * n / (px[a] * py[b]));
                }
            }
        }
        return mi;
    }
}
