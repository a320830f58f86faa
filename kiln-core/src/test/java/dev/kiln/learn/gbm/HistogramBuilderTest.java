package dev.kiln.learn.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.Binner;
import dev.kiln.learn.tree.FeatureBins;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class HistogramBuilderTest {
    private static final int N = 20_000;

    static BinnedData data(int n, long seed) {
        Random random = new Random(seed);
        double[][] columns = new double[4][n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            columns[0][i] = random.nextGaussian();
            columns[1][i] = random.nextInt(10);
            columns[2][i] = random.nextDouble() < 0.1 ? Double.NaN : random.nextDouble();
            columns[3][i] = random.nextInt(5);
        }
        FeatureBins[] bins = Binner.fit(columns, rows, 64, new boolean[] {false, false, false, true}, List.of("a", "b", "c", "d"));
        return BinnedData.of(columns, rows, bins, null);
    }

    @Test
    void rowBlocksArePowersOfTwoOfAtLeast2kRowsAndAtMost16() {
        assertThat(HistogramBuilder.blocks(0)).isEqualTo(1);
        assertThat(HistogramBuilder.blocks(4_095)).isEqualTo(1);
        assertThat(HistogramBuilder.blocks(4_096)).as("a medium leaf is split by rows, not by columns").isEqualTo(2);
        assertThat(HistogramBuilder.blocks(3 * 2_048)).as("3 would leave one of two threads idle a third of the time").isEqualTo(2);
        assertThat(HistogramBuilder.blocks(7 * 2_048)).isEqualTo(4);
        assertThat(HistogramBuilder.blocks(20_000)).isEqualTo(8);
        assertThat(HistogramBuilder.blocks(800_000)).isEqualTo(16);
        assertThat(HistogramBuilder.blocks(Integer.MAX_VALUE)).isEqualTo(16);
    }

    @Test
    void histogramSumsGradientsPerBin() {
        BinnedData data = data(N, 1);
        double[] grad = new double[N];
        double[] hess = new double[N];
        java.util.Arrays.fill(hess, 1);
        for (int i = 0; i < N; i++) {
            grad[i] = i % 7;
        }
        int[] rows = identity(N);
        HistogramBuilder builder = new HistogramBuilder(data, false, null, 1);
        double[] hist = new double[builder.length()];
        builder.build(rows, 0, N, pairs(grad, hess, 0, N), hist);
        for (int f = 0; f < data.featureCount(); f++) {
            double g = 0;
            double h = 0;
            for (int b = 0; b < data.feature(f).binCount(); b++) {
                g += hist[2 * (builder.offset(f) + b)];
                h += hist[2 * (builder.offset(f) + b) + 1];
            }
            assertThat(h).isEqualTo(N);
            assertThat(g).isCloseTo(sum(grad), within(1e-6));
        }
        int bin = data.bin(17, 1);
        double expected = 0;
        for (int i = 0; i < N; i++) {
            expected += data.bin(i, 1) == bin ? grad[i] : 0;
        }
        assertThat(hist[2 * (builder.offset(1) + bin)]).isEqualTo(expected);
    }

    @Test
    void subtractionEqualsDirectBuild() {
        BinnedData data = data(N, 2);
        Random random = new Random(5);
        double[] grad = new double[N];
        double[] hess = new double[N];
        for (int i = 0; i < N; i++) {
            grad[i] = random.nextGaussian();
            hess[i] = random.nextDouble();
        }
        int[] rows = identity(N);
        int middle = N / 3;
        HistogramBuilder builder = new HistogramBuilder(data, false, null, 1);
        double[] parent = new double[builder.length()];
        double[] left = new double[builder.length()];
        double[] right = new double[builder.length()];
        double[] pairs = pairs(grad, hess, 0, N);
        builder.build(rows, 0, N, pairs, parent);
        builder.build(rows, 0, middle, pairs, left);
        builder.build(rows, middle, N, pairs, right);
        double[] subtracted = new double[builder.length()];
        HistogramBuilder.subtract(parent, left, subtracted);
        for (int i = 0; i < right.length; i++) {
            assertThat(subtracted[i]).isCloseTo(right[i], within(1e-9));
        }
    }

    @Test
    void parallelBuildIsBitIdenticalToSerial() {
        int n = 140_000;
        BinnedData data = data(n, 3);
        Random random = new Random(6);
        double[] grad = new double[2 * n];
        double[] hess = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            grad[i] = random.nextGaussian();
            hess[i] = random.nextDouble();
        }
        int[] rows = identity(n);
        double[] pairs = pairs(grad, hess, n, n);
        double[] serial = new double[new HistogramBuilder(data, false, null, 1).length()];
        new HistogramBuilder(data, false, null, 1).build(rows, 100, n, pairs, serial);
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            double[] parallel = new double[serial.length];
            new HistogramBuilder(data, false, pool, 3).build(rows, 100, n, pairs, parallel);
            assertThat(parallel).isEqualTo(serial);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void inlineBuildAndATwinBuilderGiveTheParallelBuildsSums() {
        int n = 60_000;
        BinnedData data = data(n, 4);
        Random random = new Random(9);
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            grad[i] = random.nextGaussian();
        }
        int[] rows = identity(n);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            HistogramBuilder builder = new HistogramBuilder(data, true, pool, 2);
            double[] parallel = new double[builder.length()];
            builder.build(rows, 7, n, grad, parallel);
            double[] inline = new double[parallel.length];
            builder.buildInline(rows, 7, n, grad, inline);
            assertThat(inline).as("16 blocks, each added as it is done").isEqualTo(parallel);
            double[] twin = new double[parallel.length];
            new HistogramBuilder(builder).build(rows, 7, n, grad, twin);
            assertThat(twin).isEqualTo(parallel);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void mediumLeafOfScatteredRowsIsBuiltInRowBlocksBitIdenticalForAnyThreadCount() {
        int n = 100_000;
        BinnedData data = data(n, 7);
        Random random = new Random(8);
        double[] grad = new double[n];
        double[] hess = new double[n];
        for (int i = 0; i < n; i++) {
            grad[i] = random.nextGaussian();
            hess[i] = random.nextDouble();
        }
        // a deep leaf: 12,000 rows scattered over the data, ascending (6 blocks of 2,048 rows: 4 blocks are used)
        int[] rows = new int[12_000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) ((long) i * n / rows.length) + random.nextInt(3);
        }
        for (boolean unit : new boolean[] {false, true}) {
            double[] in = unit ? grad : pairs(grad, hess, 0, n);
            double[] serial = new double[new HistogramBuilder(data, unit, null, 1).length()];
            new HistogramBuilder(data, unit, null, 1).build(rows, 0, rows.length, in, serial);
            ForkJoinPool pool = new ForkJoinPool(2);
            try {
                double[] parallel = new double[serial.length];
                new HistogramBuilder(data, unit, pool, 2).build(rows, 0, rows.length, in, parallel);
                assertThat(parallel).as("unit hessians: %s", unit).isEqualTo(serial);
            } finally {
                pool.shutdown();
            }
            HistogramBuilder direct = new HistogramBuilder(data, unit, null, 1);
            for (int f = 0; f < data.featureCount(); f++) {
                double h = 0;
                for (int b = 0; b < data.feature(f).binCount(); b++) {
                    h += serial[2 * (direct.offset(f) + b) + 1];
                }
                double expected = 0;
                for (int row : rows) {
                    expected += unit ? 1 : hess[row];
                }
                assertThat(h).as("feature %s", f).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    @Test
    void unitHessianGradientsGiveTheSameHistogramAsPairs() {
        int n = 30_000;
        BinnedData data = data(n, 4);
        Random random = new Random(7);
        double[] grad = new double[n];
        double[] hess = new double[n];
        java.util.Arrays.fill(hess, 1);
        for (int i = 0; i < n; i++) {
            grad[i] = random.nextGaussian();
        }
        int[] rows = identity(n);
        double[] fromPairs = new double[new HistogramBuilder(data, false, null, 1).length()];
        new HistogramBuilder(data, false, null, 1).build(rows, 10, n, pairs(grad, hess, 0, n), fromPairs);
        double[] fromGradients = new double[fromPairs.length];
        new HistogramBuilder(data, true, null, 1).build(rows, 10, n, grad, fromGradients);
        assertThat(fromGradients).isEqualTo(fromPairs);
    }

    @Test
    void featureParallelBuildOfAMidSizeLeafIsBitIdenticalToSerial() {
        int n = 20_000;
        BinnedData data = data(n, 8);
        Random random = new Random(9);
        double[] grad = new double[n];
        double[] hess = new double[n];
        for (int i = 0; i < n; i++) {
            grad[i] = random.nextGaussian();
            hess[i] = random.nextDouble();
        }
        int[] rows = identity(n);
        double[] pairs = pairs(grad, hess, 0, n);
        double[] serial = new double[new HistogramBuilder(data, false, null, 1).length()];
        java.util.Arrays.fill(serial, 42);
        new HistogramBuilder(data, false, null, 1).build(rows, 5, n, pairs, serial);
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            double[] parallel = new double[serial.length];
            java.util.Arrays.fill(parallel, -3);
            new HistogramBuilder(data, false, pool, 3).build(rows, 5, n, pairs, parallel);
            assertThat(parallel).isEqualTo(serial);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void bundledIndicatorsGiveEveryFeatureItsExactSums() {
        int n = 50_000;
        Random random = new Random(11);
        double[][] columns = new double[7][n];
        int[] rows = identity(n);
        double[] grad = new double[n];
        double[] hess = new double[n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = random.nextGaussian();
            columns[1 + random.nextInt(5)][i] = 1;
            columns[6][i] = random.nextDouble() < 0.2 ? 1 : 0; // sparse but not exclusive with the indicators
            grad[i] = random.nextGaussian();
            hess[i] = random.nextDouble();
        }
        FeatureBins[] bins = Binner.fit(columns, rows, 255, new boolean[7], List.of("x", "a", "b", "c", "d", "e", "s"));
        BinnedData data = BinnedData.ofBinColumns(binColumns(columns, bins), bins, null, false);
        HistogramBuilder builder = new HistogramBuilder(data, false, null, 1);
        assertThat(builder.packedWidth()).as("x, s and one bundle of the five indicators").isEqualTo(3);
        double[] hist = new double[builder.length()];
        int start = 7;
        builder.build(rows, start, n, pairs(grad, hess, 0, n), hist);
        for (int f = 0; f < 7; f++) {
            for (int b = 0; b < bins[f].binCount(); b++) {
                double g = 0;
                double h = 0;
                for (int i = start; i < n; i++) {
                    if (data.bin(i, f) == b) {
                        g += grad[i];
                        h += hess[i];
                    }
                }
                assertThat(hist[2 * (builder.offset(f) + b)]).as("feature %s bin %s", f, b).isCloseTo(g, within(1e-8));
                assertThat(hist[2 * (builder.offset(f) + b) + 1]).as("feature %s bin %s", f, b).isCloseTo(h, within(1e-8));
            }
        }
    }

    private static byte[][] binColumns(double[][] columns, FeatureBins[] bins) {
        byte[][] out = new byte[columns.length][];
        int[] rows = identity(columns[0].length);
        for (int j = 0; j < columns.length; j++) {
            out[j] = BinnedData.binColumn(columns[j], rows, bins[j]);
        }
        return out;
    }

    @Test
    void scatteredRowsAreGatheredToTheSumsOfAPlainPassInRowOrderPerBlock() {
        int n = 60_000;
        BinnedData data = data(n, 12);
        Random random = new Random(13);
        double[] grad = new double[n];
        double[] hess = new double[n];
        for (int i = 0; i < n; i++) {
            grad[i] = random.nextGaussian();
            hess[i] = random.nextDouble();
        }
        // a deep leaf's rows: ascending, far apart (gathered in chunks), with a run of consecutive rows (read in place)
        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i >= 30_000 && i < 33_000 || random.nextInt(12) == 0) {
                rows[m++] = i;
            }
        }
        int count = m;
        double[] pairs = pairs(grad, hess, 0, n);
        HistogramBuilder serial = new HistogramBuilder(data, false, null, 1);
        // each row block summed in row order, then the blocks added in block order
        int blocks = HistogramBuilder.blocks(count);
        assertThat(blocks).isEqualTo(2);
        double[] expected = new double[serial.length()];
        for (int b = 0; b < blocks; b++) {
            double[] block = new double[expected.length];
            for (int i = dev.kiln.learn.ParallelLoop.start(count, blocks, b); i < dev.kiln.learn.ParallelLoop.start(count, blocks, b + 1); i++) {
                for (int f = 0; f < data.featureCount(); f++) {
                    int at = 2 * (serial.offset(f) + data.bin(rows[i], f));
                    block[at] += grad[rows[i]];
                    block[at + 1] += hess[rows[i]];
                }
            }
            for (int k = 0; k < expected.length; k++) {
                expected[k] = b == 0 ? block[k] : expected[k] + block[k];
            }
        }
        double[] hist = new double[expected.length];
        serial.build(rows, 0, count, pairs, hist);
        assertThat(hist).isEqualTo(expected);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            double[] parallel = new double[expected.length];
            new HistogramBuilder(data, false, pool, 2).build(rows, 0, count, pairs, parallel);
            assertThat(parallel).as("row blocks on two threads").isEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void allRowsWithUnitHessiansTakeTheirCountsFromTheTableAndMatchAPlainBuild() {
        for (int n : new int[] {20_000, 70_000}) {
            BinnedData data = data(n, 14);
            Random random = new Random(15);
            double[] grad = new double[n];
            for (int i = 0; i < n; i++) {
                grad[i] = random.nextGaussian();
            }
            int[] rows = identity(n);
            HistogramBuilder builder = new HistogramBuilder(data, true, null, 1);
            double[] plain = new double[builder.length()];
            builder.build(rows, 0, n, grad, plain);
            for (int round = 0; round < 2; round++) {
                double[] all = new double[plain.length];
                java.util.Arrays.fill(all, 5);
                builder.buildAll(rows, grad, all);
                assertThat(all).as("%s rows, round %s", n, round).isEqualTo(plain);
            }
        }
    }

    static double[] pairs(double[] grad, double[] hess, int offset, int n) {
        double[] pairs = new double[2 * n];
        HistogramBuilder.interleave(grad, hess, offset, 0, n, pairs);
        return pairs;
    }

    static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
