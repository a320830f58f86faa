package dev.kiln.learn.svm;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * The rows of one binary sub-problem and the held-out decision values that Platt's sigmoid is fitted
 * on, as libsvm's {@code svm_binary_svc_probability}: a seeded random permutation cut into folds, a
 * machine trained on the other folds scoring each. Stateless.
 */
final class PairData {
    private PairData() {
    }

    /** The rows {@code rows} of the row-major {@code x}, copied into a new row-major array. */
    static double[] rows(double[] x, int dimension, int[] rows) {
        double[] out = new double[rows.length * dimension];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * dimension, out, i * dimension, dimension);
        }
        return out;
    }

    /** The decision value of every row from a machine trained without its fold. */
    static double[] crossValidatedDecisions(double[] x, int dimension, byte[] y, Kernel kernel, SvmParams params,
                                            ForkJoinPool pool, long seed) {
        int n = y.length;
        int folds = params.plattFolds();
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(n - i);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        double[] decisions = new double[n];
        for (int fold = 0; fold < folds; fold++) {
            int begin = (int) ((long) fold * n / folds);
            int end = (int) ((long) (fold + 1) * n / folds);
            int[] train = new int[n - (end - begin)];
            int next = 0;
            int positives = 0;
            for (int s = 0; s < n; s++) {
                if (s < begin || s >= end) {
                    train[next++] = permutation[s];
                    positives += y[permutation[s]] == 1 ? 1 : 0;
                }
            }
            int negatives = train.length - positives;
            if (positives == 0 || negatives == 0) {
                double constant = positives > 0 ? 1 : negatives > 0 ? -1 : 0;
                for (int s = begin; s < end; s++) {
                    decisions[permutation[s]] = constant;
                }
                continue;
            }
            double[] trainRows = rows(x, dimension, train);
            byte[] trainY = new byte[train.length];
            for (int i = 0; i < train.length; i++) {
                trainY[i] = y[train[i]];
            }
            SupportVectorFit fit = SupportVectorFit.classifier(trainRows, dimension, trainY, kernel, params, pool);
            for (int s = begin; s < end; s++) {
                decisions[permutation[s]] = fit.decision(trainRows, dimension, kernel, x, permutation[s]);
            }
        }
        return decisions;
    }
}
