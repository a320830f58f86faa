package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.learn.Predictions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
    private static final double[] LINE = {0, 1, 10, 11};
    private static final int[] PAIRS = {0, 0, 1, 1};

    @Test
    void handComputedPairs() {
        // silhouette: a = 1 for every point; b = 10.5 for the outer points and 9.5 for the inner ones
        double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
        assertThat(ClusterMetrics.silhouette(LINE, 4, 1, PAIRS)).isCloseTo(expected, within(1e-15));
        // centroids 0.5 and 10.5, spreads 0.5 each: (0.5 + 0.5) / 10
        assertThat(ClusterMetrics.daviesBouldin(LINE, 4, 1, PAIRS)).isCloseTo(0.1, within(1e-15));
        // between = 2·5² + 2·5² = 100, within = 4·0.25 = 1, (100 / 1) / (1 / 2)
        assertThat(ClusterMetrics.calinskiHarabasz(LINE, 4, 1, PAIRS)).isCloseTo(200, within(1e-12));
    }

    /** 30 points {@code ((i mod 3)·4 + sin i, (i mod 3)·2 + cos 1.7i)}. */
    private static double[] points() {
        double[] x = new double[60];
        for (int i = 0; i < 30; i++) {
            x[2 * i] = (i % 3) * 4 + Math.sin(i);
            x[2 * i + 1] = (i % 3) * 2 + Math.cos(i * 1.7);
        }
        return x;
    }

    private static int[] modulo(int m) {
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i % m;
        }
        return labels;
    }

    @Test
    void matchScikitLearn() {
        // scikit-learn 1.2.1 (Debian python3-sklearn): silhouette_score, davies_bouldin_score,
        // calinski_harabasz_score on the same points, labels i % 3 and i % 2
        double[] x = points();
        assertThat(ClusterMetrics.silhouette(x, 30, 2, modulo(3))).isCloseTo(0.6880239649826864, within(1e-12));
        assertThat(ClusterMetrics.daviesBouldin(x, 30, 2, modulo(3))).isCloseTo(0.42023522488494486, within(1e-12));
        assertThat(ClusterMetrics.calinskiHarabasz(x, 30, 2, modulo(3))).isCloseTo(181.90114755064943, within(1e-9));
        assertThat(ClusterMetrics.silhouette(x, 30, 2, modulo(2))).isCloseTo(-0.011945444947131446, within(1e-12));
        assertThat(ClusterMetrics.daviesBouldin(x, 30, 2, modulo(2))).isCloseTo(270.358673419556, within(1e-8));
        assertThat(ClusterMetrics.calinskiHarabasz(x, 30, 2, modulo(2))).isCloseTo(0.0002892817476378738, within(1e-15));
    }

    @Test
    void allLeavesNoiseOutAndReportsIt() {
        double[] x = {0, 1, 10, 11, 50};
        Map<String, Double> metrics = ClusterMetrics.all(x, 5, 1, Predictions.ofClusters(new double[] {0, 0, 1, 1, -1}));
        assertThat(metrics.get("davies_bouldin")).isCloseTo(0.1, within(1e-15));
        assertThat(metrics.get("calinski_harabasz")).isCloseTo(200, within(1e-12));
        assertThat(metrics.get("clusters")).isEqualTo(2.0);
        assertThat(metrics.get("noise_fraction")).isEqualTo(0.2);
    }

    @Test
    void undefinedForASingleCluster() {
        assertThat(ClusterMetrics.silhouette(LINE, 4, 1, new int[4])).isNaN();
        assertThat(ClusterMetrics.daviesBouldin(LINE, 4, 1, new int[4])).isNaN();
        assertThat(ClusterMetrics.calinskiHarabasz(LINE, 4, 1, new int[4])).isNaN();
    }
}
