package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.cluster.Silhouette;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Internal quality of a clustering, from the rows and their cluster indexes, as scikit-learn computes
 * them: the mean silhouette (Rousseeuw, 1987; in [-1, 1], higher is better), the Davies–Bouldin index
 * (Davies and Bouldin, 1979; ≥ 0, lower is better) and the Calinski–Harabasz index (Caliński and
 * Harabasz, 1974; variance ratio, higher is better). {@link #all} leaves noise rows ({@link Predictions#NOISE})
 * out of all three and reports their share; the silhouette, quadratic in the rows, is computed on a
 * seeded sample of at most {@value #SILHOUETTE_ROWS} rows. Stateless; never mutates its arguments.
 */
public final class ClusterMetrics {
    /** At most this many rows, sampled with a fixed seed, make the silhouette of {@link #all}. */
    public static final int SILHOUETTE_ROWS = 10_000;

    private ClusterMetrics() {
    }

    /** The mean silhouette of the {@code n × d} rows {@code x} (row-major); NaN with fewer than 2 or more than {@code n − 1} clusters. */
    public static double silhouette(double[] x, int n, int d, int[] labels) {
        return Silhouette.score(x, n, d, labels, null);
    }

    /** The Davies–Bouldin index: the mean over clusters of the largest {@code (s_i + s_j) / ‖c_i − c_j‖}; NaN for fewer than 2 clusters. */
    public static double daviesBouldin(double[] x, int n, int d, int[] labels) {
        Clusters c = Clusters.of(x, n, d, labels);
        if (c.count() < 2) {
            return Double.NaN;
        }
        double[] spread = new double[c.count()];
        for (int i = 0; i < n; i++) {
            int k = c.index(labels[i]);
            spread[k] += Math.sqrt(squared(x, i * d, c.centroids(), k * d, d));
        }
        for (int k = 0; k < spread.length; k++) {
            spread[k] /= c.size(k);
        }
        double sum = 0;
        for (int a = 0; a < c.count(); a++) {
            double worst = 0;
            for (int b = 0; b < c.count(); b++) {
                if (a == b) {
                    continue;
                }
                double distance = Math.sqrt(squared(c.centroids(), a * d, c.centroids(), b * d, d));
                double ratio = distance == 0 ? 0 : (spread[a] + spread[b]) / distance;
                worst = Math.max(worst, ratio);
            }
            sum += worst;
        }
        return sum / c.count();
    }

    /** The Calinski–Harabasz index {@code (B / (k − 1)) / (W / (n − k))}; 1 when every cluster is a point; NaN for fewer than 2 clusters. */
    public static double calinskiHarabasz(double[] x, int n, int d, int[] labels) {
        Clusters c = Clusters.of(x, n, d, labels);
        int k = c.count();
        if (k < 2 || k >= n) {
            return Double.NaN;
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double between = 0;
        for (int a = 0; a < k; a++) {
            between += c.size(a) * squared(c.centroids(), a * d, mean, 0, d);
        }
        double within = 0;
        for (int i = 0; i < n; i++) {
            within += squared(x, i * d, c.centroids(), c.index(labels[i]) * d, d);
        }
        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1));
    }

    /**
     * Every cluster metric of clustering {@code predictions} on the rows {@code x} they were made for:
     * {@code silhouette}, {@code davies_bouldin}, {@code calinski_harabasz} over the rows in a cluster,
     * plus {@code clusters} (distinct clusters) and {@code noise_fraction}.
     */
    public static Map<String, Double> all(double[] x, int n, int d, Predictions predictions) {
        Checks.checkArgument(predictions.task() == Task.CLUSTERING, "cluster metrics need clustering predictions, got %s",
                predictions.task().label());
        Checks.checkArgument(predictions.size() == n && x.length == (long) n * d, "%s predictions for %s rows", predictions.size(), n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += predictions.classIndex(i) == Predictions.NOISE ? 0 : 1;
        }
        double[] rows = new double[kept * d];
        int[] labels = new int[kept];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (predictions.classIndex(i) != Predictions.NOISE) {
                System.arraycopy(x, i * d, rows, at * d, d);
                labels[at++] = predictions.classIndex(i);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("silhouette", sampledSilhouette(rows, kept, d, labels));
        out.put("davies_bouldin", daviesBouldin(rows, kept, d, labels));
        out.put("calinski_harabasz", calinskiHarabasz(rows, kept, d, labels));
        out.put("clusters", (double) Clusters.of(rows, kept, d, labels).count());
        out.put("noise_fraction", n == 0 ? 0 : (n - kept) / (double) n);
        return out;
    }

    private static double sampledSilhouette(double[] x, int n, int d, int[] labels) {
        if (n <= SILHOUETTE_ROWS) {
            return silhouette(x, n, d, labels);
        }
        SplittableRandom random = new SplittableRandom(42);
        double[] rows = new double[SILHOUETTE_ROWS * d];
        int[] sampled = new int[SILHOUETTE_ROWS];
        int chosen = 0;
        for (int i = 0; i < n && chosen < SILHOUETTE_ROWS; i++) {
            if (random.nextDouble() * (n - i) < SILHOUETTE_ROWS - chosen) {
                System.arraycopy(x, i * d, rows, chosen * d, d);
                sampled[chosen++] = labels[i];
            }
        }
        return silhouette(rows, SILHOUETTE_ROWS, d, sampled);
    }

    static double squared(double[] a, int ao, double[] b, int bo, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = a[ao + j] - b[bo + j];
            sum += diff * diff;
        }
        return sum;
    }
}
