package dev.kiln.learn;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Frames for learner tests, built from arrays or generated from a seed. */
public final class TestFrames {
    private TestFrames() {
    }

    /** Numeric features {@code x0, x1, ...} (one array per column) and a numeric target {@code y}. */
    public static Frame regression(double[][] columns, double[] y) {
        List<Column> out = features(columns);
        out.add(NumericColumn.of("y", y));
        return Frame.of(out);
    }

    /** Numeric features {@code x0, x1, ...} and a categorical target {@code y} with levels {@code c0, c1, ...}. */
    public static Frame classification(double[][] columns, int[] codes, int classes) {
        List<Column> out = features(columns);
        List<String> levels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            levels.add("c" + c);
        }
        out.add(CategoricalColumn.of("y", codes, levels));
        return Frame.of(out);
    }

    /** Gaussian blobs: {@code classes} classes, {@code perClass} rows each, 2 features, centres 4 apart. */
    public static Frame blobs(int classes, int perClass, long seed) {
        Random random = new Random(seed);
        int n = classes * perClass;
        double[][] columns = new double[2][n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            double angle = 2 * Math.PI * c / classes;
            columns[0][i] = 4 * Math.cos(angle) + random.nextGaussian();
            columns[1][i] = 4 * Math.sin(angle) + random.nextGaussian();
            codes[i] = c;
        }
        return classification(columns, codes, classes);
    }

    /** {@code y = 1 + 2 x0 - x1 + 0.5 x2 + noise}, features uniform on [-3, 3]. */
    public static Frame noisyLinear(int n, double noise, long seed) {
        Random random = new Random(seed);
        double[][] columns = new double[3][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                columns[j][i] = 6 * random.nextDouble() - 3;
            }
            y[i] = 1 + 2 * columns[0][i] - columns[1][i] + 0.5 * columns[2][i] + noise * random.nextGaussian();
        }
        return regression(columns, y);
    }

    private static List<Column> features(double[][] columns) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            out.add(NumericColumn.of("x" + j, columns[j]));
        }
        return out;
    }
}
