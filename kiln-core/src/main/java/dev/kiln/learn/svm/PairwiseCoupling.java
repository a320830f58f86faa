package dev.kiln.learn.svm;

/**
 * Class probabilities from pairwise ones by the second method of Wu, Lin and Weng (2004),
 * "Probability estimates for multi-class classification by pairwise coupling", as libsvm's
 * {@code multiclass_probability}: a fixed-point iteration on {@code min Σ (r_ji p_i − r_ij p_j)²}
 * over the simplex. Holds its work arrays, so {@link #couple} allocates nothing; one instance per
 * thread.
 */
final class PairwiseCoupling {
    private final int k;
    private final double[] q;
    private final double[] qp;

    PairwiseCoupling(int classes) {
        this.k = classes;
        this.q = new double[classes * classes];
        this.qp = new double[classes];
    }

    /** Writes into {@code out} the class probabilities for pairwise ones {@code r[i * k + j] = P(i | i or j)}. */
    void couple(double[] r, double[] out) {
        int maxIterations = Math.max(100, k);
        double epsilon = 0.005 / k;
        for (int t = 0; t < k; t++) {
            out[t] = 1.0 / k;
            double diagonal = 0;
            for (int j = 0; j < k; j++) {
                if (j == t) {
                    continue;
                }
                diagonal += r[j * k + t] * r[j * k + t];
                q[t * k + j] = -r[j * k + t] * r[t * k + j];
            }
            q[t * k + t] = diagonal;
        }
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double pqp = 0;
            for (int t = 0; t < k; t++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += q[t * k + j] * out[j];
                }
                qp[t] = sum;
                pqp += out[t] * sum;
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) {
                maxError = Math.max(maxError, Math.abs(qp[t] - pqp));
            }
            if (maxError < epsilon) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pqp) / q[t * k + t];
                out[t] += diff;
                pqp = (pqp + diff * (diff * q[t * k + t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * q[t * k + j]) / (1 + diff);
                    out[j] /= 1 + diff;
                }
            }
        }
    }
}
