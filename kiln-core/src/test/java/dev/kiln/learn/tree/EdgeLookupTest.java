package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EdgeLookupTest {
    @Test
    void agreesWithTheBinarySearchOnEdgesValuesBetweenAndOutsideThem() {
        SplittableRandom random = new SplittableRandom(7);
        // even, Gaussian-like and heavily skewed edges (most edges crowded into one cell)
        double[][] edgeSets = {even(254), gaussianLike(random, 254), skewed(200), {-1, 1}, {0, Math.ulp(0.0) * 4, 1e300}};
        for (double[] edges : edgeSets) {
            FeatureBins bins = FeatureBins.numeric(edges);
            EdgeLookup lookup = new EdgeLookup(edges);
            for (double e : edges) {
                for (double x : new double[] {e, Math.nextDown(e), Math.nextUp(e)}) {
                    assertThat(lookup.bin(x)).as("x=%s", x).isEqualTo(bins.bin(x));
                }
            }
            double span = edges[edges.length - 1] - edges[0];
            for (int i = 0; i < 20_000; i++) {
                double x = edges[0] - span * 0.1 + random.nextDouble() * span * 1.2;
                assertThat(lookup.bin(x)).as("x=%s", x).isEqualTo(bins.bin(x));
            }
            for (double x : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0,
                    -Double.MAX_VALUE, Double.MAX_VALUE}) {
                assertThat(lookup.bin(x)).as("x=%s", x).isEqualTo(bins.bin(x));
            }
        }
    }

    @Test
    void binColumnTakesTheLookupForManyRowsAndGivesTheSameBins() {
        SplittableRandom random = new SplittableRandom(3);
        double[] column = new double[50_000];
        for (int i = 0; i < column.length; i++) {
            column[i] = i % 97 == 0 ? Double.NaN : random.nextGaussian() * 3;
        }
        int[] rows = new int[column.length];
        Arrays.setAll(rows, i -> i);
        FeatureBins bins = Binner.fitFeature(column, rows, 255, false, "x");
        byte[] binned = BinnedData.binColumn(column, rows, bins);
        for (int i = 0; i < column.length; i++) {
            assertThat(binned[i] & 0xFF).isEqualTo(bins.bin(column[i]));
        }
    }

    private static double[] even(int n) {
        double[] e = new double[n];
        Arrays.setAll(e, i -> i * 0.5 - 20);
        return e;
    }

    private static double[] gaussianLike(SplittableRandom random, int n) {
        double[] e = random.doubles(n).map(u -> Math.tan((u - 0.5) * 3)).sorted().distinct().toArray();
        return e;
    }

    private static double[] skewed(int n) {
        double[] e = new double[n];
        for (int i = 0; i < n - 1; i++) {
            e[i] = i * 1e-9;
        }
        e[n - 1] = 1e6;
        return e;
    }
}
