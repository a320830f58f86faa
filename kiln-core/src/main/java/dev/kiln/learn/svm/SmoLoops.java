package dev.kiln.learn.svm;

/**
 * The per-iteration loops of {@link SmoSolver} over every variable, each a small static method with no
 * branch on a variable's state: which variables may move up or down is kept in masks of {@code 0} and
 * {@code -∞} added to the scores, so a loop's branches do not change as the dual variables leave their
 * bounds. Why: in a fresh JVM the solver's first thousand iterations see every variable at its lower
 * bound, the JIT compiles the state branches as never taken, and every later change of state threw the
 * compiled code away (a third of a cold fit went to running it again in the interpreter and recompiling);
 * small loops also compile sooner, and the contiguous ones vectorise. Each comes in a contiguous form (all
 * variables active, variable {@code k} is kernel row {@code k}) and a listed form (the active variables
 * {@code variables[0..size)}, each its own kernel row, or with their kernel rows {@code real} for ε-SVR's two
 * variables a row). Stateless.
 */
final class SmoLoops {
    /** The selection's result when no variable qualifies. */
    static final int NONE = -1;
    /** A score below every finite one, so a masked ({@code -∞}) score never wins a {@code >=} comparison. */
    private static final double FLOOR = -Double.MAX_VALUE;
    private static final double TAU = 1e-12;

    private SmoLoops() {
    }

    /** {@code g[k] += sign[k] (stepI rowI[k] + stepJ rowJ[k])} for {@code k < n}. */
    static void step(double[] g, double[] sign, float[] rowI, float[] rowJ, double stepI, double stepJ, int n) {
        for (int k = 0; k < n; k++) {
            g[k] += sign[k] * (stepI * rowI[k] + stepJ * rowJ[k]);
        }
    }

    /** {@link #step} on the listed variables, row entries at their kernel rows. */
    static void step(double[] g, double[] sign, float[] rowI, float[] rowJ, double stepI, double stepJ, int[] variables,
                     int size, int[] real) {
        for (int a = 0; a < size; a++) {
            int k = variables[a];
            int r = real[k];
            g[k] += sign[k] * (stepI * rowI[r] + stepJ * rowJ[r]);
        }
    }

    /**
     * {@link #step} then {@link #mostViolating} on the listed variables, each its own kernel row (C-SVC
     * shrunk), in one pass: a listed loop does not vectorise, so one walk over the variables beats two.
     */
    static int stepAndMostViolating(double[] g, double[] sign, float[] rowI, float[] rowJ, double stepI, double stepJ,
                                    double[] upMask, int[] variables, int size) {
        double best = FLOOR;
        int index = NONE;
        for (int a = 0; a < size; a++) {
            int k = variables[a];
            double gk = g[k] + sign[k] * (stepI * rowI[k] + stepJ * rowJ[k]);
            g[k] = gk;
            double v = upMask[k] - sign[k] * gk;
            if (v >= best) {
                best = v;
                index = k;
            }
        }
        return index;
    }

    /**
     * The variable that may move up with the largest violation {@code −sign[k] g[k]} (the last of equals),
     * or {@link #NONE}; {@code upMask[k]} is 0 where variable {@code k} may move up, {@code -∞} where not.
     */
    static int mostViolating(double[] g, double[] sign, double[] upMask, int n) {
        double best = FLOOR;
        int index = NONE;
        for (int k = 0; k < n; k++) {
            double v = upMask[k] - sign[k] * g[k];
            if (v >= best) {
                best = v;
                index = k;
            }
        }
        return index;
    }

    /** {@link #mostViolating} over the listed variables. */
    static int mostViolating(double[] g, double[] sign, double[] upMask, int[] variables, int size) {
        double best = FLOOR;
        int index = NONE;
        for (int a = 0; a < size; a++) {
            int k = variables[a];
            double v = upMask[k] - sign[k] * g[k];
            if (v >= best) {
                best = v;
                index = k;
            }
        }
        return index;
    }

    /**
     * WSS3's second variable for the first one {@code i} (violation {@code gMax}, kernel row {@code rowI},
     * diagonal {@code diagonalI}): among the variables that may move down ({@code lowMask[j] = 0}), the one
     * with the largest second-order decrease (the last of equals). Writes {@code out[0]} = the largest
     * {@code sign[j] g[j]} of those (libsvm's {@code Gmax2}, {@code -∞} with none) and returns the index, or
     * {@link #NONE}.
     */
    static int partner(double[] g, double[] sign, double[] lowMask, double[] diagonal, float[] rowI, double diagonalI,
                       double gMax, int n, double[] out) {
        double gMax2 = Double.NEGATIVE_INFINITY;
        double objectiveMin = Double.POSITIVE_INFINITY;
        int index = NONE;
        for (int j = 0; j < n; j++) {
            double v = lowMask[j] + sign[j] * g[j];
            if (v > gMax2) {
                gMax2 = v; // not Math.max: its NaN and signed-zero handling makes a long loop-carried chain
            }
            double gradDiff = gMax + v;
            if (gradDiff > 0) {
                // libsvm's quad_coef = Q_ii + Q_jj − 2 y_i Q_ij, and y_i Q_ij = y_j K_ij: K_ii + K_jj − 2 K_ij
                double quad = diagonalI + diagonal[j] - 2.0 * rowI[j];
                double objective = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
                if (objective <= objectiveMin) {
                    objectiveMin = objective;
                    index = j;
                }
            }
        }
        out[0] = gMax2;
        return index;
    }

    /** {@link #partner} over the listed variables, kernel values and diagonals at their kernel rows. */
    static int partner(double[] g, double[] sign, double[] lowMask, double[] diagonal, float[] rowI, double diagonalI,
                       double gMax, int[] variables, int size, int[] real, double[] out) {
        double gMax2 = Double.NEGATIVE_INFINITY;
        double objectiveMin = Double.POSITIVE_INFINITY;
        int index = NONE;
        for (int a = 0; a < size; a++) {
            int j = variables[a];
            double v = lowMask[j] + sign[j] * g[j];
            if (v > gMax2) {
                gMax2 = v; // not Math.max: its NaN and signed-zero handling makes a long loop-carried chain
            }
            double gradDiff = gMax + v;
            if (gradDiff > 0) {
                int r = real[j];
                double quad = diagonalI + diagonal[r] - 2.0 * rowI[r];
                double objective = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
                if (objective <= objectiveMin) {
                    objectiveMin = objective;
                    index = j;
                }
            }
        }
        out[0] = gMax2;
        return index;
    }

    /** {@link #partner} over the listed variables, each its own kernel row (C-SVC shrunk). */
    static int partner(double[] g, double[] sign, double[] lowMask, double[] diagonal, float[] rowI, double diagonalI,
                       double gMax, int[] variables, int size, double[] out) {
        double gMax2 = Double.NEGATIVE_INFINITY;
        double objectiveMin = Double.POSITIVE_INFINITY;
        int index = NONE;
        for (int a = 0; a < size; a++) {
            int j = variables[a];
            double v = lowMask[j] + sign[j] * g[j];
            if (v > gMax2) {
                gMax2 = v; // not Math.max: its NaN and signed-zero handling makes a long loop-carried chain
            }
            double gradDiff = gMax + v;
            if (gradDiff > 0) {
                double quad = diagonalI + diagonal[j] - 2.0 * rowI[j];
                double objective = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
                if (objective <= objectiveMin) {
                    objectiveMin = objective;
                    index = j;
                }
            }
        }
        out[0] = gMax2;
        return index;
    }

    /** {@code gBar[k] += w sign[k] row[k]} for {@code k < n}. */
    static void addRow(double[] gBar, double[] sign, float[] row, double w, int n) {
        for (int k = 0; k < n; k++) {
            gBar[k] += w * sign[k] * row[k];
        }
    }

    /** {@code gBar[k] += w sign[k] row[real[k]]} for {@code k < n}. */
    static void addRow(double[] gBar, double[] sign, float[] row, double w, int[] real, int n) {
        for (int k = 0; k < n; k++) {
            gBar[k] += w * sign[k] * row[real[k]];
        }
    }
}
