package dev.kiln.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import org.junit.jupiter.api.Test;

class DriftSummaryTest {
    private static Frame frame(int n, double shift, String[] levels) {
        double[] x = new double[n];
        double[] z = new double[n];
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i * 37 % n) / (double) n + shift;
            z[i] = (i * 11 % n) / (double) n;
            c[i] = levels[i % levels.length];
        }
        return Frame.of(NumericColumn.of("x", x), NumericColumn.of("z", z), CategoricalColumn.ofLabels("c", c));
    }

    @Test
    void shareOfDriftedFeaturesAndPredictionDrift() {
        Frame train = frame(2000, 0, new String[] {"a", "b"});
        String[] trainPredictions = new String[2000];
        for (int i = 0; i < trainPredictions.length; i++) {
            trainPredictions[i] = i % 4 == 0 ? "yes" : "no";
        }
        DriftReference reference = DriftReference.fit(train, CategoricalColumn.ofLabels("prediction", trainPredictions), 0.1, 0.25);

        DriftSummary same = DriftSummary.of(reference, frame(500, 0, new String[] {"a", "b"}),
                CategoricalColumn.ofLabels("prediction", java.util.Arrays.copyOf(trainPredictions, 500)), DriftMethod.AUTO, 0.5);
        assertThat(same.driftShare()).isZero();
        assertThat(same.datasetDrift()).isFalse();
        assertThat(same.prediction().drifted()).isFalse();

        String[] shiftedPredictions = new String[500];
        java.util.Arrays.fill(shiftedPredictions, "yes");
        DriftSummary shifted = DriftSummary.of(reference, frame(500, 0.5, new String[] {"a", "a", "a", "b"}),
                CategoricalColumn.ofLabels("prediction", shiftedPredictions), DriftMethod.AUTO, 0.5);
        assertThat(shifted.drifted()).containsExactly("x", "c");
        assertThat(shifted.driftShare()).isEqualTo(2.0 / 3);
        assertThat(shifted.datasetDrift()).isTrue();
        assertThat(shifted.maxPsi()).isGreaterThan(0.25);
        assertThat(shifted.prediction().drifted()).isTrue();
        assertThat(DriftSummary.of(reference, frame(500, 0.5, new String[] {"a", "a", "a", "b"}), null, DriftMethod.AUTO, 0.9)
                .datasetDrift()).isFalse();
    }
}
