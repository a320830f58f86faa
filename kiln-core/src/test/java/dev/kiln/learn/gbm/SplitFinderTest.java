package dev.kiln.learn.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.Binner;
import dev.kiln.learn.tree.FeatureBins;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitFinderTest {

    /** Rows: x in 1..6 (one bin each) with gradient -1 for x <= 3 and +1 above; plus missing rows with gradient {@code missingGradient}. */
    private static SplitInfo split(double missingGradient, GbmParams params) {
        int n = 70;
        double[] x = new double[n];
        double[] grad = new double[n];
        double[] hess = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < 60 ? 1 + i % 6 : Double.NaN;
            grad[i] = i < 60 ? (x[i] <= 3 ? -1 : 1) : missingGradient;
            hess[i] = 1;
        }
        int[] rows = HistogramBuilderTest.identity(n);
        FeatureBins[] bins = Binner.fit(new double[][] {x}, rows, 255, new boolean[1], List.of("x"));
        BinnedData data = BinnedData.of(new double[][] {x}, rows, bins, null);
        HistogramBuilder builder = new HistogramBuilder(data, false, null, 1);
        double[] hist = new double[builder.length()];
        builder.build(rows, 0, n, HistogramBuilderTest.pairs(grad, hess, 0, n), hist);
        double g = 0;
        for (double v : grad) {
            g += v;
        }
        return new SplitFinder(data, params, builder.offsets()).find(hist, g, n, n, new boolean[] {true});
    }

    @Test
    void findsTheKnownBestThresholdAndGain() {
        GbmParams params = GbmParams.defaults().withMinSamplesLeaf(1);
        SplitInfo split = split(-1, params);
        assertThat(split.feature()).isZero();
        assertThat(split.bin()).isEqualTo(3);
        assertThat(split.defaultLeft()).isTrue();
        // left: 30 rows at -1 plus 10 missing at -1 (G = -40, H = 40); right: 30 rows at +1 (G = 30, H = 30)
        assertThat(split.leftGradients()).isEqualTo(-40.0);
        assertThat(split.rightHessians()).isEqualTo(30.0);
        assertThat(split.gain()).isCloseTo(40.0 * 40 / 40 + 30.0 * 30 / 30 - 10.0 * 10 / 70, within(1e-9));
    }

    @Test
    void missingValuesLearnTheirDirection() {
        SplitInfo split = split(1, GbmParams.defaults().withMinSamplesLeaf(1));
        assertThat(split.bin()).isEqualTo(3);
        assertThat(split.defaultLeft()).isFalse();
        assertThat(split.goesLeft(FeatureBins.MISSING_BIN)).isFalse();
        assertThat(split.goesLeft(2)).isTrue();
    }

    @Test
    void l2ShrinksTheGainAndMinSamplesLeafCanForbidSplits() {
        SplitInfo plain = split(-1, GbmParams.defaults().withMinSamplesLeaf(1));
        SplitInfo shrunk = split(-1, GbmParams.defaults().withMinSamplesLeaf(1).withRegularization(0, 10));
        assertThat(shrunk.gain()).isLessThan(plain.gain());
        assertThat(split(-1, GbmParams.defaults().withMinSamplesLeaf(36))).isNull();
    }
}
