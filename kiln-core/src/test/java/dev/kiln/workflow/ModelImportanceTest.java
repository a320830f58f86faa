package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelImportanceTest {

    private static Frame features(int n, Random random) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextGaussian();
            }
            columns.add(NumericColumn.of("x" + j, values));
        }
        return Frame.of(columns);
    }

    @Test
    void theInformativeFeaturesRankFirstForRegressionAndClassification() {
        int n = 600;
        Frame features = features(n, new Random(3));
        double[] x2 = features.numeric("x2").toArray();
        double[] x4 = features.numeric("x4").toArray();
        double[] y = new double[n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = 3 * x2[i] + x4[i] * x4[i];
            codes[i] = x2[i] + x4[i] > 0 ? 1 : 0;
        }
        ModelImportance importance = new ModelImportance(1, 2);
        double[] regression = importance.score(features, NumericColumn.of("y", y));
        double[] classification = importance.score(features, CategoricalColumn.of("y", codes, List.of("no", "yes")));
        for (double[] scores : List.of(regression, classification)) {
            assertThat(scores).hasSize(6);
            double noise = 0;
            for (int j : new int[] {0, 1, 3, 5}) {
                noise = Math.max(noise, scores[j]);
            }
            assertThat(Math.min(scores[2], scores[4])).isGreaterThan(noise);
        }
        assertThat(new ModelImportance(1, 1).score(features, NumericColumn.of("y", y))).isEqualTo(regression);
    }
}
