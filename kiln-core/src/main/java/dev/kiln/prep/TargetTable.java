package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/** Smoothed per-level target means over selected rows, for {@link TargetEncoder}. Stateless. */
final class TargetTable {
    private TargetTable() {
    }

    /** The mean of each output over the selected rows with a target; 0 when there are none. */
    static double[] prior(double[][] y, boolean[] rows) {
        double[] out = new double[y.length];
        for (int o = 0; o < y.length; o++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] && !Double.isNaN(y[o][i])) {
                    sum += y[o][i];
                    count++;
                }
            }
            out[o] = count == 0 ? 0.0 : sum / count;
        }
        return out;
    }

    /** Level label → smoothed mean of every output, over the selected rows. */
    static Map<String, double[]> fit(CategoricalColumn c, double[][] y, boolean[] rows, double[] prior, double smoothing) {
        int levels = c.levels().size();
        double[][] sums = new double[levels][y.length];
        int[] counts = new int[levels];
        for (int i = 0; i < rows.length; i++) {
            int code = c.code(i);
            if (!rows[i] || code < 0 || Double.isNaN(y[0][i])) {
                continue;
            }
            counts[code]++;
            for (int o = 0; o < y.length; o++) {
                sums[code][o] += y[o][i];
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int k = 0; k < levels; k++) {
            if (counts[k] == 0) {
                continue;
            }
            double[] value = new double[y.length];
            for (int o = 0; o < y.length; o++) {
                value[o] = (sums[k][o] + smoothing * prior[o]) / (counts[k] + smoothing);
            }
            out.put(c.levels().get(k), value);
        }
        return out;
    }
}
