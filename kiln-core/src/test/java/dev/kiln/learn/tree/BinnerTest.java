package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinnerTest {

    private static FeatureBins fit(double[] column, int maxBins) {
        int[] rows = new int[column.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return Binner.fit(new double[][] {column}, rows, maxBins, new boolean[1], List.of("x"))[0];
    }

    @Test
    void missingValuesGoToBinZero() {
        FeatureBins bins = fit(new double[] {1, Double.NaN, 2, 3}, 255);
        assertThat(bins.bin(Double.NaN)).isEqualTo(FeatureBins.MISSING_BIN);
        assertThat(bins.bin(1)).isEqualTo(1);
        assertThat(bins.bin(3)).isEqualTo(3);
        assertThat(bins.binCount()).isEqualTo(4);
    }

    @Test
    void constantAndAllMissingFeaturesHaveOneValueBin() {
        assertThat(fit(new double[] {5, 5, 5}, 255).binCount()).isEqualTo(2);
        FeatureBins missing = fit(new double[] {Double.NaN, Double.NaN}, 255);
        assertThat(missing.binCount()).isEqualTo(2);
        assertThat(missing.bin(7)).isEqualTo(1);
    }

    @Test
    void fewerDistinctValuesThanBinsGetOneBinEachWithMidpointEdges() {
        FeatureBins bins = fit(new double[] {3, 1, 2, 1, 3, 2, 10}, 255);
        assertThat(bins.upperEdges()).containsExactly(1.5, 2.5, 6.5);
        assertThat(bins.bin(0.0)).isEqualTo(1);
        assertThat(bins.bin(2.5)).isEqualTo(2);
        assertThat(bins.bin(1e9)).isEqualTo(4);
    }

    @Test
    void manyValuesGetAboutEqualQuantileBinsAndThresholdsMatchBins() {
        Random random = new Random(3);
        double[] column = new double[20_000];
        for (int i = 0; i < column.length; i++) {
            column[i] = random.nextGaussian();
        }
        FeatureBins bins = fit(column, 16);
        assertThat(bins.binCount()).isEqualTo(17);
        int[] counts = new int[bins.binCount()];
        for (double x : column) {
            counts[bins.bin(x)]++;
        }
        for (int b = 1; b < counts.length; b++) {
            assertThat(counts[b]).isBetween(1000, 1500);
        }
        for (double x : column) {
            for (int b = 1; b < bins.binCount() - 1; b++) {
                assertThat(bins.bin(x) <= b).isEqualTo(x <= bins.threshold(b));
            }
        }
    }

    @Test
    void categoricalCodesMapToTheirOwnBinsAndOthersToMissing() {
        FeatureBins bins = Binner.fit(new double[][] {{0, 2, 1, Double.NaN}}, new int[] {0, 1, 2, 3}, 255, new boolean[] {true},
                List.of("c"))[0];
        assertThat(bins.isCategorical()).isTrue();
        assertThat(bins.binCount()).isEqualTo(4);
        assertThat(bins.bin(2)).isEqualTo(3);
        assertThat(bins.bin(1.5)).isEqualTo(FeatureBins.MISSING_BIN);
        assertThat(bins.bin(7)).isEqualTo(FeatureBins.MISSING_BIN);
        assertThatThrownBy(() -> Binner.fit(new double[][] {{0, 2.5}}, new int[] {0, 1}, 255, new boolean[] {true}, List.of("c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'").hasMessageContaining("2.5");
    }

    @Test
    void binnedDataIsRowMajorAndTheSameInParallel() {
        double[][] columns = new double[3][50_000];
        Random random = new Random(4);
        int[] rows = new int[50_000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
            for (int j = 0; j < 3; j++) {
                columns[j][i] = random.nextDouble();
            }
        }
        FeatureBins[] bins = Binner.fit(columns, rows, 255, new boolean[3], List.of("a", "b", "c"));
        BinnedData serial = BinnedData.of(columns, rows, bins, null);
        var pool = new java.util.concurrent.ForkJoinPool(2);
        try {
            assertThat(BinnedData.of(columns, rows, bins, pool).bins()).isEqualTo(serial.bins());
        } finally {
            pool.shutdown();
        }
        assertThat(serial.bin(123, 2)).isEqualTo(bins[2].bin(columns[2][123]));
        assertThat(serial.offset(1)).isEqualTo(bins[0].binCount());
    }

    @Test
    void radixSortOrdersExactlyAsArraysSort() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        double[] values = new double[30_000];
        double[] specials = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, -1};
        for (int i = 0; i < values.length; i++) {
            int kind = random.nextInt(4);
            values[i] = kind == 0 ? specials[random.nextInt(specials.length)]
                    : kind == 1 ? Math.rint(random.nextGaussian() * 3) : random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300));
        }
        double[] expected = values.clone();
        java.util.Arrays.sort(expected);
        double[] sorted = Binner.sort(values.clone());
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(sorted[i])).as("index %s", i).isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
        double[] same = new double[10_000];
        java.util.Arrays.fill(same, 2.5);
        assertThat(Binner.sort(same.clone())).containsExactly(same);
    }
}
