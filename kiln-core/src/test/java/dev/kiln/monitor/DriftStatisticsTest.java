package dev.kiln.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for the drift statistics, and the choice and verdicts of each method on shifted data. */
class DriftStatisticsTest {
    @Test
    void gammaGivesChiSquaredSurvival() {
        // Q(1, x) = exp(-x); chi-squared with 1 df at 3.841458820694124 has survival 0.05 (the 95% point).
        assertThat(Gamma.regularizedQ(1, 2)).isCloseTo(Math.exp(-2), within(1e-13));
        assertThat(Gamma.regularizedQ(0.5, 3.841458820694124 / 2)).isCloseTo(0.05, within(1e-10));
        // chi-squared with 10 df at 18.307038053275146 (its 95% point): survival 0.05.
        assertThat(Gamma.regularizedQ(5, 18.307038053275146 / 2)).isCloseTo(0.05, within(1e-10));
        assertThat(Gamma.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
    }

    @Test
    void kolmogorovSmirnovStatisticAndPValue() {
        // Samples 1..5 and 3..7: the empirical CDFs differ by at most 2/5 (at x = 2).
        assertThat(KolmogorovSmirnov.statistic(new double[] {1, 2, 3, 4, 5}, new double[] {3, 4, 5, 6, 7})).isEqualTo(0.4);
        // The Kolmogorov distribution: P(K > 1) = 0.26999967 (tables of the limiting distribution).
        assertThat(KolmogorovSmirnov.survival(1.0)).isCloseTo(0.26999967, within(1e-7));
        assertThat(KolmogorovSmirnov.statistic(new double[] {1, 2}, new double[] {1, 2})).isZero();
    }

    @Test
    void jensenShannonAndWassersteinBounds() {
        assertThat(Divergences.jensenShannon(new double[] {0.5, 0.5}, new double[] {0.5, 0.5})).isZero();
        assertThat(Divergences.jensenShannon(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(1.0, within(1e-12));
        double[] q = FeatureReference.quantiles(new double[] {0, 1, 2, 3, 4}, 201);
        double[] shifted = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            shifted[i] = q[i] + 2.5;
        }
        assertThat(Divergences.wasserstein(q, shifted)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void autoPicksTestsForSmallReferencesAndDistancesForLargeOnes() {
        DriftReference small = DriftReference.fit(frame(normal(500, 0, 1)), null, 0.1, 0.25);
        DriftReference large = DriftReference.fit(frame(normal(5000, 0, 1)), null, 0.1, 0.25);
        Frame same = frame(normal(800, 0, 1));
        assertThat(small.compare(same).stream().map(DriftReference.FeatureDrift::method)).containsExactly("ks", "chi2");
        assertThat(large.compare(same).stream().map(DriftReference.FeatureDrift::method)).containsExactly("wasserstein", "js");
        assertThat(small.compare(same, DriftMethod.WASSERSTEIN).stream().map(DriftReference.FeatureDrift::method))
                .containsExactly("wasserstein", "js");
        assertThat(small.compare(same, DriftMethod.PSI).get(0).statistic()).isEqualTo(small.compare(same).get(0).psi());
    }

    @Test
    void everyMethodSeesAShiftAndNoneSeesTheSameDistribution() {
        for (int n : new int[] {500, 5000}) {
            DriftReference reference = DriftReference.fit(frame(normal(n, 0, 1)), null, 0.1, 0.25);
            Frame same = frame(normal(2000, 0, 1));
            Frame shifted = frameShifted(normal(2000, 1, 1));
            for (DriftMethod method : DriftMethod.values()) {
                assertThat(reference.compare(same, method)).as("%s n=%s same", method, n).noneMatch(DriftReference.FeatureDrift::drifted);
                assertThat(reference.compare(shifted, method)).as("%s n=%s shifted", method, n).allMatch(DriftReference.FeatureDrift::drifted);
            }
            assertThat(DriftReference.datasetDrift(reference.compare(shifted), 0.5)).isTrue();
            assertThat(DriftReference.datasetDrift(reference.compare(same), 0.5)).isFalse();
        }
    }

    @Test
    void referencesFromOlderBundlesFallBackToPsi() {
        FeatureReference old = new FeatureReference("x", dev.kiln.data.ColumnKind.NUMERIC, new double[] {0.0},
                List.of(), new double[] {0.5, 0.5, 0.0}, 0, new double[0], Double.NaN);
        DriftReference reference = new DriftReference(List.of(old), null, 0.1, 0.25);
        DriftReference.FeatureDrift drift = reference.compare(Frame.of(NumericColumn.of("x", new double[] {-1, 1})), DriftMethod.KS).get(0);
        assertThat(drift.method()).isEqualTo("psi");
    }

    private static double[] normal(int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(n * 31L + (long) (mean * 7));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            out[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }
        return out;
    }

    /** A numeric column and a categorical column whose level depends on the value (a < 0.5 < b). */
    private static Frame frame(double[] values) {
        String[] labels = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = values[i] < 0.5 ? "a" : "b";
        }
        return Frame.of(NumericColumn.of("x", values), CategoricalColumn.ofLabels("c", labels));
    }

    private static Frame frameShifted(double[] values) {
        return frame(values);
    }
}
