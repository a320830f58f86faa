package dev.kiln.learn.svm;

import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureScaling;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Kernel support vector machines as libsvm and scikit-learn's {@code SVC}/{@code SVR}: C-SVC for
 * classification, one-vs-one over every pair of classes, and ε-SVR for regression, each solved by
 * {@link SmoSolver} (WSS3, shrinking, an LRU cache of kernel rows). Class probabilities come from
 * Platt's sigmoid per pair ({@link PlattScaling}, fitted on held-out decision values of seeded folds)
 * coupled across pairs ({@link PairwiseCoupling}), as libsvm's {@code probability=1}.
 *
 * <p>Features are standardised first unless told not to. Kernel rows are computed on
 * {@link TrainOptions#threads()} threads of a fork/join pool; every value depends only on its two rows
 * and the solver visits variables in a fixed order, so the model is the same, bit for bit, for any
 * thread count. Cost: {@code O(rows² × features)} kernel values at worst per pair, fewer with the cache.
 * Immutable; {@link #fit} does not modify the frame.
 */
public final class SvmLearner implements Learner<SvmModel> {
    /** The learner name in specs. */
    public static final String NAME = "svm";
    private final SvmParams params;

    public SvmLearner(SvmParams params) {
        this.params = params;
    }

    public SvmLearner() {
        this(SvmParams.defaults());
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
    public SvmModel fit(Frame train, TrainOptions options) {
        TrainingData data = TrainingData.of(train, options);
        FeatureScaling scaling = FeatureScaling.fit(data.features(), params.standardize());
        int dimension = scaling.size();
        double[] x = scaling.rowMajor(data.features());
        Kernel kernel = new Kernel(params.kernelKind(), gamma(x, dimension), params.degree(), params.coef0());
        if (options.threads() == 1) {
            return train(data, options, scaling, x, kernel, null);
        }
        // the solver runs inside the pool, so a kernel row's parts are forked and joined by work stealing
        // (the solver's thread runs any part no idle worker took) instead of waiting on a thread to wake up
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            return pool.invoke(ForkJoinTask.adapt(() -> train(data, options, scaling, x, kernel, pool)));
        } finally {
            pool.shutdown();
        }
    }

    private SvmModel train(TrainingData data, TrainOptions options, FeatureScaling scaling, double[] x, Kernel kernel,
                           ForkJoinPool pool) {
        if (!options.task().isClassification()) {
            SupportVectorFit fit = SupportVectorFit.regressor(x, scaling.size(), data.targets(), kernel, params, pool);
            return SvmModel.builder(options.task(), data.featureNames(), data.classes(), params, scaling, kernel)
                    .addPair(fit, identity(data.rows()), x, Double.NaN, Double.NaN).build();
        }
        return classifier(data, options, scaling, x, kernel, pool);
    }

    private SvmModel classifier(TrainingData data, TrainOptions options, FeatureScaling scaling, double[] x, Kernel kernel,
                                ForkJoinPool pool) {
        int dimension = scaling.size();
        int k = data.classes().size();
        int[] labels = data.labels();
        var builder = SvmModel.builder(options.task(), data.featureNames(), data.classes(), params, scaling, kernel);
        int pair = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                int[] rows = rowsOf(labels, a, b);
                double[] sub = PairData.rows(x, dimension, rows);
                byte[] y = new byte[rows.length];
                boolean[] positive = new boolean[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    positive[i] = labels[rows[i]] == a;
                    y[i] = (byte) (positive[i] ? 1 : -1);
                }
                SupportVectorFit fit = bothPresent(positive)
                        ? SupportVectorFit.classifier(sub, dimension, y, kernel, params, pool)
                        : SupportVectorFit.constant(positive);
                double[] decisions = bothPresent(positive) && params.plattFolds() > 0
                        ? PairData.crossValidatedDecisions(sub, dimension, y, kernel, params, pool, options.seed() * 1_000_003L + pair)
                        : fit.trainingDecisions();
                double[] sigmoid = PlattScaling.fit(decisions, positive);
                builder.addPair(fit, rows, x, sigmoid[0], sigmoid[1]);
                pair++;
            }
        }
        return builder.build();
    }

    /** Resolves {@code gamma}: scikit-learn's {@code scale} is {@code 1 / (features × variance of every value)}. */
    private double gamma(double[] x, int dimension) {
        return switch (params.gamma()) {
            case "scale" -> {
                double mean = 0;
                for (double v : x) {
                    mean += v;
                }
                mean /= x.length;
                double squares = 0;
                for (double v : x) {
                    squares += (v - mean) * (v - mean);
                }
                double variance = squares / x.length;
                yield variance > 0 ? 1 / (dimension * variance) : 1.0;
            }
            case "auto" -> 1.0 / dimension;
            default -> Double.parseDouble(params.gamma().trim());
        };
    }

    /** Whether both classes of a pair have training rows (a class level may have none). */
    private static boolean bothPresent(boolean[] positive) {
        boolean any = false;
        boolean all = true;
        for (boolean p : positive) {
            any |= p;
            all &= p;
        }
        return any && !all;
    }

    private static int[] rowsOf(int[] labels, int a, int b) {
        int count = 0;
        for (int label : labels) {
            count += label == a || label == b ? 1 : 0;
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == a || labels[i] == b) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
