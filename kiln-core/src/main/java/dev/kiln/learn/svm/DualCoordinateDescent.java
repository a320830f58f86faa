package dev.kiln.learn.svm;

import java.util.Random;

/**
 * LIBLINEAR's dual coordinate descent for L2-regularised linear machines on row-major rows with an
 * implicit bias feature of value 1 (regularised like the others, as LIBLINEAR's {@code -B 1}):
 * {@link #classifier} is {@code solve_l2r_l1l2_svc} (Hsieh et al. 2008, "A dual coordinate descent
 * method for large-scale linear SVM"), {@link #regressor} is {@code solve_l2r_l1l2_svr} (Ho and Lin
 * 2012), both with shrinking. The coordinate order is a permutation drawn from {@code random} each
 * pass, so a seed fixes the result. Stateless.
 */
final class DualCoordinateDescent {
    private static final double MIN_STEP = 1e-12;

    private DualCoordinateDescent() {
    }

    /**
     * The weights ({@code dimension} values, then the bias) for labels {@code y} (±1) of hinge
     * ({@code squared} false, box {@code [0, c]}) or squared hinge loss ({@code squared} true).
     */
    static double[] classifier(double[] x, int dimension, byte[] y, double c, boolean squared, double tolerance, int maxIter,
                               Random random) {
        int n = y.length;
        double diag = squared ? 0.5 / c : 0;
        double upper = squared ? Double.POSITIVE_INFINITY : c;
        double[] w = new double[dimension + 1];
        double[] alpha = new double[n];
        double[] qd = new double[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            qd[i] = diag + Kernel.dot(x, i * dimension, x, i * dimension, dimension) + 1;
            index[i] = i;
        }
        int activeSize = n;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < maxIter; iteration++) {
            double pgMaxNew = Double.NEGATIVE_INFINITY;
            double pgMinNew = Double.POSITIVE_INFINITY;
            shuffle(index, activeSize, random);
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                int offset = i * dimension;
                double g = y[i] * (Kernel.dot(w, 0, x, offset, dimension) + w[dimension]) - 1 + alpha[i] * diag;
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        swap(index, s--, --activeSize);
                        continue;
                    }
                    pg = Math.min(g, 0);
                } else if (alpha[i] == upper) {
                    if (g < pgMinOld) {
                        swap(index, s--, --activeSize);
                        continue;
                    }
                    pg = Math.max(g, 0);
                } else {
                    pg = g;
                }
                pgMaxNew = Math.max(pgMaxNew, pg);
                pgMinNew = Math.min(pgMinNew, pg);
                if (Math.abs(pg) > MIN_STEP) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(alpha[i] - g / qd[i], 0), upper);
                    double d = (alpha[i] - old) * y[i];
                    addScaled(w, x, offset, dimension, d);
                }
            }
            if (pgMaxNew - pgMinNew <= tolerance) {
                if (activeSize == n) {
                    break;
                }
                activeSize = n;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMaxNew <= 0 ? Double.POSITIVE_INFINITY : pgMaxNew;
            pgMinOld = pgMinNew >= 0 ? Double.NEGATIVE_INFINITY : pgMinNew;
        }
        return w;
    }

    /**
     * The weights ({@code dimension} values, then the bias) for targets {@code z} of the
     * ε-insensitive ({@code squared} false, box {@code [-c, c]}) or squared ε-insensitive loss.
     */
    static double[] regressor(double[] x, int dimension, double[] z, double c, double epsilon, boolean squared,
                              double tolerance, int maxIter, Random random) {
        int n = z.length;
        double lambda = squared ? 0.5 / c : 0;
        double upper = squared ? Double.POSITIVE_INFINITY : c;
        double[] w = new double[dimension + 1];
        double[] beta = new double[n];
        double[] qd = new double[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            qd[i] = Kernel.dot(x, i * dimension, x, i * dimension, dimension) + 1;
            index[i] = i;
        }
        int activeSize = n;
        double gMaxOld = Double.POSITIVE_INFINITY;
        double gNormInitial = 0;
        for (int iteration = 0; iteration < maxIter; iteration++) {
            double gMax = 0;
            double gNorm = 0;
            shuffle(index, activeSize, random);
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                int offset = i * dimension;
                double g = -z[i] + lambda * beta[i] + Kernel.dot(w, 0, x, offset, dimension) + w[dimension];
                double gp = g + epsilon;
                double gn = g - epsilon;
                double h = qd[i] + lambda;
                double violation;
                if (beta[i] == 0) {
                    if (gp < 0) {
                        violation = -gp;
                    } else if (gn > 0) {
                        violation = gn;
                    } else if (gp > gMaxOld && gn < -gMaxOld) {
                        swap(index, s--, --activeSize);
                        continue;
                    } else {
                        violation = 0;
                    }
                } else if (beta[i] >= upper) {
                    if (gp > 0) {
                        violation = gp;
                    } else if (gp < -gMaxOld) {
                        swap(index, s--, --activeSize);
                        continue;
                    } else {
                        violation = 0;
                    }
                } else if (beta[i] <= -upper) {
                    if (gn < 0) {
                        violation = -gn;
                    } else if (gn > gMaxOld) {
                        swap(index, s--, --activeSize);
                        continue;
                    } else {
                        violation = 0;
                    }
                } else {
                    violation = beta[i] > 0 ? Math.abs(gp) : Math.abs(gn);
                }
                gMax = Math.max(gMax, violation);
                gNorm += violation;
                double d = gp < h * beta[i] ? -gp / h : gn > h * beta[i] ? -gn / h : -beta[i];
                if (Math.abs(d) < MIN_STEP) {
                    continue;
                }
                double old = beta[i];
                beta[i] = Math.min(Math.max(beta[i] + d, -upper), upper);
                double step = beta[i] - old;
                if (step != 0) {
                    addScaled(w, x, offset, dimension, step);
                }
            }
            if (iteration == 0) {
                gNormInitial = gNorm;
            }
            if (gNorm <= tolerance * gNormInitial) {
                if (activeSize == n) {
                    break;
                }
                activeSize = n;
                gMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            gMaxOld = gMax;
        }
        return w;
    }

    private static void addScaled(double[] w, double[] x, int offset, int dimension, double d) {
        for (int j = 0; j < dimension; j++) {
            w[j] += d * x[offset + j];
        }
        w[dimension] += d;
    }

    private static void shuffle(int[] index, int size, Random random) {
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(size - i);
            swap(index, i, j);
        }
    }

    private static void swap(int[] index, int a, int b) {
        int t = index[a];
        index[a] = index[b];
        index[b] = t;
    }
}
