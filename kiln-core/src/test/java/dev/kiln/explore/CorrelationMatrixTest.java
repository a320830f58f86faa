package dev.kiln.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The blocked correlation matrix equals pairwise-complete Pearson, pair by pair, and does not depend on threads. */
class CorrelationMatrixTest {
    private static List<double[]> columns(int rows, long seed) {
        Random random = new Random(seed);
        List<double[]> out = new ArrayList<>();
        double[] base = new double[rows];
        for (int i = 0; i < rows; i++) {
            base[i] = random.nextGaussian();
        }
        for (int j = 0; j < 6; j++) {
            double[] c = new double[rows];
            for (int i = 0; i < rows; i++) {
                c[i] = j == 4 ? 3.0 : base[i] * j + random.nextGaussian() * 1e3 + 1e6; // column 4 is constant
                if ((j == 1 || j == 2) && random.nextInt(10) == 0) {
                    c[i] = Double.NaN; // missing values, at different rows in columns 1 and 2
                }
            }
            out.add(c);
        }
        out.add(new double[rows]); // column 6 all zero (constant)
        double[] gone = new double[rows];
        java.util.Arrays.fill(gone, Double.NaN);
        out.add(gone);
        return out;
    }

    private static List<double[]> copies(List<double[]> columns) {
        List<double[]> out = new ArrayList<>();
        columns.forEach(c -> out.add(c.clone()));
        return out;
    }

    @Test
    void equalsPairwiseCompletePearson() {
        List<double[]> columns = columns(10_000, 3);
        List<List<Double>> m = CorrelationMatrix.of(copies(columns)); // the matrix centres its input in place
        for (int a = 0; a < columns.size(); a++) {
            for (int b = 0; b < columns.size(); b++) {
                double expected = a == b ? 1.0 : Association.pearson(columns.get(a), columns.get(b));
                Double actual = m.get(a).get(b);
                if (a == 4 || a == 6 || a == 7 || b == 4 || b == 6 || b == 7) {
                    assertThat(actual).as("%s,%s", a, b).isNull();
                } else {
                    assertThat(actual).as("%s,%s", a, b).isNotNull();
                    assertThat(actual).as("%s,%s", a, b).isCloseTo(expected, within(1e-9));
                }
            }
        }
    }

    @Test
    void sameResultOnOneThreadAndOnMany() throws Exception {
        List<double[]> columns = columns(50_000, 5);
        List<List<Double>> many = CorrelationMatrix.of(copies(columns));
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            List<List<Double>> single = one.submit(() -> CorrelationMatrix.of(copies(columns))).get();
            assertThat(single).isEqualTo(many);
        } finally {
            one.shutdown();
        }
    }
}
