package dev.kiln.learn.svm;

import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureScaling;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import dev.kiln.learn.ParallelLoop;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * Linear support vector machines as LIBLINEAR and scikit-learn's {@code LinearSVC}/{@code LinearSVR}:
 * hinge or squared-hinge classification (one machine against the rest per class when there are more
 * than two) and ε-insensitive regression, by {@link DualCoordinateDescent} on standardised features
 * with a regularised bias. Class probabilities come from a Platt sigmoid per machine fitted on
 * held-out decision values of seeded folds, normalised over the classes for several.
 *
 * <p>The per-class machines run in parallel on {@link TrainOptions#threads()} threads; each has its own
 * seeded coordinate order and writes only its own weights, so the model is the same, bit for bit, for
 * any thread count. Cost per pass {@code O(rows × features)}. Immutable; {@link #fit} does not modify
 * the frame. The model keeps weights on the original feature scale.
 */
public final class LinearSvmLearner implements Learner<LinearSvmModel> {
    /** The learner name in specs. */
    public static final String NAME = "linear_svm";
    private final LinearSvmParams params;

    public LinearSvmLearner(LinearSvmParams params) {
        this.params = params;
    }

    public LinearSvmLearner() {
        this(LinearSvmParams.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public LinearSvmModel fit(Frame train, TrainOptions options) {
        boolean regression = !options.task().isClassification();
        boolean squared = params.squaredLoss(regression);
        TrainingData data = TrainingData.of(train, options);
        FeatureScaling scaling = FeatureScaling.fit(data.features(), true);
        int p = scaling.size();
        double[] x = scaling.rowMajor(data.features());
        if (regression) {
            double[] w = DualCoordinateDescent.regressor(x, p, data.targets(), params.c(), params.epsilon(), squared,
                    params.tolerance(), params.maxIter(), new Random(options.seed()));
            double[] coefficients = new double[p];
            double intercept = toOriginalScale(scaling, w, coefficients, 0);
            return new LinearSvmModel(options.task(), data.featureNames(), data.classes(), params, coefficients,
                    new double[] {intercept}, new double[] {Double.NaN}, new double[] {Double.NaN});
        }
        int k = data.classes().size();
        int machines = k == 2 ? 1 : k;
        double[] coefficients = new double[machines * p];
        double[] intercepts = new double[machines];
        double[] plattA = new double[machines];
        double[] plattB = new double[machines];
        int[] labels = data.labels();
        ForkJoinPool pool = options.threads() > 1 && machines > 1 ? new ForkJoinPool(Math.min(options.threads(), machines)) : null;
        try {
            ParallelLoop.run(pool, machines, machines, (first, from, to) -> {
                for (int m = from; m < to; m++) {
                    int positiveClass = machines == 1 ? 1 : m;
                    byte[] y = new byte[labels.length];
                    boolean[] positive = new boolean[labels.length];
                    for (int i = 0; i < labels.length; i++) {
                        positive[i] = labels[i] == positiveClass;
                        y[i] = (byte) (positive[i] ? 1 : -1);
                    }
                    long seed = options.seed() * 1_000_003L + m;
                    double[] w = DualCoordinateDescent.classifier(x, p, y, params.c(), squared, params.tolerance(),
                            params.maxIter(), new Random(seed));
                    double[] decisions = params.plattFolds() == 0 ? decisions(x, p, w, identity(labels.length))
                            : crossValidatedDecisions(x, p, y, squared, seed);
                    double[] sigmoid = PlattScaling.fit(decisions, positive);
                    plattA[m] = sigmoid[0];
                    plattB[m] = sigmoid[1];
                    intercepts[m] = toOriginalScale(scaling, w, coefficients, m * p);
                }
            });
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        return new LinearSvmModel(options.task(), data.featureNames(), data.classes(), params, coefficients, intercepts,
                plattA, plattB);
    }

    private double[] crossValidatedDecisions(double[] x, int p, byte[] y, boolean squared, long seed) {
        int n = y.length;
        int folds = params.plattFolds();
        int[] permutation = identity(n);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(n - i);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        double[] out = new double[n];
        for (int fold = 0; fold < folds; fold++) {
            int begin = (int) ((long) fold * n / folds);
            int end = (int) ((long) (fold + 1) * n / folds);
            int[] train = new int[n - (end - begin)];
            int next = 0;
            for (int s = 0; s < n; s++) {
                if (s < begin || s >= end) {
                    train[next++] = permutation[s];
                }
            }
            double[] rows = PairData.rows(x, p, train);
            byte[] trainY = new byte[train.length];
            for (int i = 0; i < train.length; i++) {
                trainY[i] = y[train[i]];
            }
            double[] w = DualCoordinateDescent.classifier(rows, p, trainY, params.c(), squared, params.tolerance(),
                    params.maxIter(), new Random(seed + fold + 1));
            int[] held = java.util.Arrays.copyOfRange(permutation, begin, end);
            double[] values = decisions(x, p, w, held);
            for (int s = 0; s < held.length; s++) {
                out[held[s]] = values[s];
            }
        }
        return out;
    }

    private static double[] decisions(double[] x, int p, double[] w, int[] rows) {
        double[] out = new double[rows.length];
        for (int s = 0; s < rows.length; s++) {
            out[s] = Kernel.dot(w, 0, x, rows[s] * p, p) + w[p];
        }
        return out;
    }

    /** Writes {@code w_j / scale_j} at {@code offset} and returns the original-scale intercept. */
    private static double toOriginalScale(FeatureScaling scaling, double[] w, double[] coefficients, int offset) {
        double[] shifts = scaling.shifts();
        double[] scales = scaling.scales();
        int p = shifts.length;
        double intercept = w[p];
        for (int j = 0; j < p; j++) {
            double coefficient = w[j] / scales[j];
            coefficients[offset + j] = coefficient;
            intercept -= coefficient * shifts[j];
        }
        return intercept;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
