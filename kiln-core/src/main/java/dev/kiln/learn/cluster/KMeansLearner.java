package dev.kiln.learn.cluster;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.UnsupervisedData;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * k-means clustering for the task {@code clustering}: greedy k-means++ starts ({@link KMeansPlusPlus}),
 * Lloyd iterations accelerated by Hamerly's bounds ({@link Hamerly}), the best of {@code n_init} seeded
 * starts by inertia, and k fixed or chosen by the mean silhouette ({@link Silhouette}) over
 * {@code [k_min, k_max]}. Distances are Euclidean on the features as given (scale them in preparation
 * when their units differ). Row blocks are fixed and their partial sums added in block order, so the
 * model is the same, bit for bit, for any {@link TrainOptions#threads()}. Cost per iteration
 * {@code O(rows × features)} plus {@code O(rows × k × features)} for the rows whose bounds fail.
 * Immutable.
 */
public final class KMeansLearner implements Learner<KMeansModel> {
    private final KMeansParams params;

    public KMeansLearner(KMeansParams params) {
        this.params = params;
    }

    public KMeansLearner() {
        this(KMeansParams.defaults());
    }

    @Override
    public String name() {
        return KMeansModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public KMeansModel fit(Frame train, TrainOptions options) {
        Checks.checkArgument(options.task() == Task.CLUSTERING, "kmeans needs the clustering task, got %s", options.task().label());
        UnsupervisedData data = UnsupervisedData.of(train, options);
        int n = data.rowCount();
        int d = data.columnCount();
        double[] x = data.rows();
        SplittableRandom random = new SplittableRandom(options.seed());
        try (Blocks blocks = new Blocks(n, options.threads())) {
            double tolerance = params.tolerance() * meanVariance(data.features());
            if (!params.autoK()) {
                Checks.checkArgument(params.k() <= n, "k: %s clusters need at least as many rows, got %s", params.k(), n);
                Fit best = fitK(x, n, d, params.k(), tolerance, random, blocks);
                return new KMeansModel(data.featureNames(), params, best.centres, best.inertia, Double.NaN, best.iterations);
            }
            Checks.checkArgument(params.kMin() < n, "k_min: %s clusters need more rows, got %s", params.kMin(), n);
            int[] sample = sample(n, Math.min(n, params.silhouetteSample()), random.split());
            double[] sampleRows = new double[sample.length * d];
            for (int s = 0; s < sample.length; s++) {
                System.arraycopy(x, sample[s] * d, sampleRows, s * d, d);
            }
            Fit best = null;
            double bestSilhouette = Double.NEGATIVE_INFINITY;
            for (int k = params.kMin(); k <= Math.min(params.kMax(), n - 1); k++) {
                Fit fit = fitK(x, n, d, k, tolerance, random, blocks);
                int[] labels = new int[sample.length];
                for (int s = 0; s < sample.length; s++) {
                    labels[s] = Distances.nearest(sampleRows, s * d, fit.centres, k, d);
                }
                double silhouette = Silhouette.score(sampleRows, sample.length, d, labels, null);
                if (best == null || silhouette > bestSilhouette) {
                    best = fit;
                    bestSilhouette = silhouette;
                }
            }
            return new KMeansModel(data.featureNames(), params, best.centres, best.inertia, bestSilhouette, best.iterations);
        }
    }

    private record Fit(double[] centres, double inertia, int iterations) {
    }

    private Fit fitK(double[] x, int n, int d, int k, double tolerance, SplittableRandom random, Blocks blocks) {
        Fit best = null;
        for (int start = 0; start < params.nInit(); start++) {
            SplittableRandom startRandom = random.split();
            double[] initial = KMeansPlusPlus.centres(x, n, d, k, startRandom, blocks);
            Hamerly hamerly = new Hamerly(x, n, d, initial, blocks);
            double[] centres = hamerly.run(params.maxIter(), tolerance);
            double inertia = hamerly.inertia();
            if (best == null || inertia < best.inertia) {
                best = new Fit(centres, inertia, hamerly.iterations());
            }
        }
        return best;
    }

    /** The mean over features of their population variance. */
    static double meanVariance(FeatureMatrix features) {
        double total = 0;
        int n = features.rows();
        for (int j = 0; j < features.columnCount(); j++) {
            double[] column = features.column(j);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += column[i];
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double diff = column[i] - mean;
                squares += diff * diff;
            }
            total += squares / n;
        }
        return total / features.columnCount();
    }

    /** {@code m} distinct indexes of {@code [0, n)} in ascending order, drawn by selection sampling (Knuth's algorithm S). */
    static int[] sample(int n, int m, SplittableRandom random) {
        int[] out = new int[m];
        int chosen = 0;
        for (int i = 0; i < n && chosen < m; i++) {
            if (random.nextDouble() * (n - i) < m - chosen) {
                out[chosen++] = i;
            }
        }
        return out;
    }
}
