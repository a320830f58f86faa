package dev.kiln.learn.svm;

/**
 * Sequential minimal optimisation for the dual {@code min ½ αᵀQα + pᵀα}, {@code yᵀα = 0},
 * {@code 0 ≤ α ≤ C}, with {@code Q_ij = y_i y_j K(real_i, real_j)}: libsvm's {@code Solver} (Fan, Chen
 * and Lin 2005) with second-order working-set selection (WSS3), shrinking and gradient reconstruction.
 * C-SVC uses one variable per row ({@code real_i = i}); ε-SVR two per row ({@code y = ±1}).
 *
 * <p>The active variables are kept in ascending order and every loop visits them in that order, so the
 * result is a function of the inputs alone. Stops when the maximal violating pair's gap is below
 * {@code tolerance} or after {@code maxIterations}. One solve per instance; not thread-safe.
 */
final class SmoSolver {
    private static final double TAU = 1e-12;
    static final byte LOWER = 0;
    static final byte UPPER = 1;
    static final byte FREE = 2;

    /** The solution: the dual variables and the offset {@code rho} (decision = Σ y_i α_i K − rho). */
    record Solution(double[] alpha, double rho, double[] gradient, long iterations) {
    }

    private final KernelCache cache;
    private final double[] diagonal;
    private final byte[] y;
    /** {@code y} as doubles, for the contiguous loops the JIT vectorises. */
    private final double[] sign;
    private final int[] real;
    /** Whether variable {@code k} is kernel row {@code k} (C-SVC), which allows contiguous loops. */
    private final boolean identity;
    private final double[] p;
    private final double c;
    private final double tolerance;
    private final boolean shrinking;
    private final long maxIterations;
    private final int l;
    private final double[] alpha;
    private final byte[] status;
    private final double[] gradient;
    private final double[] gradientBar;
    /** 0 where variable k may move up (libsvm's I_up: y α below C for y = 1, above 0 for y = −1), −∞ where not. */
    private final double[] upMask;
    /** 0 where variable k may move down (I_low), −∞ where not. */
    private final double[] lowMask;
    private final double[] gMax2Out = new double[1];
    private final ActiveSet active;
    private boolean unshrink;
    private int selectedI;
    private int selectedJ;
    /** The first half of the next selection (the most violating i), found during the last gradient update. */
    private boolean nextValid;
    private int nextGMaxIndex;

    /**
     * A solver over {@code y.length} variables; {@code diagonal[r]} is {@code K(r, r)} for every kernel row
     * {@code r}. The arrays are read, not copied.
     */
    SmoSolver(KernelCache cache, double[] diagonal, byte[] y, int[] real, double[] p, double c, double tolerance,
              boolean shrinking, long maxIterations) {
        this.cache = cache;
        this.diagonal = diagonal;
        this.y = y;
        this.real = real;
        this.sign = new double[y.length];
        boolean same = real.length == diagonal.length;
        for (int k = 0; k < y.length; k++) {
            sign[k] = y[k];
            same &= real[k] == k;
        }
        this.identity = same;
        this.p = p;
        this.c = c;
        this.tolerance = tolerance;
        this.shrinking = shrinking;
        this.maxIterations = maxIterations;
        this.l = y.length;
        this.alpha = new double[l];
        this.status = new byte[l];
        this.gradient = p.clone();
        this.gradientBar = new double[l];
        this.upMask = new double[l];
        this.lowMask = new double[l];
        for (int k = 0; k < l; k++) {
            setStatus(k, LOWER);
        }
        this.active = new ActiveSet(real, diagonal.length);
    }

    Solution solve() {
        long iterations = 0;
        int counter = Math.min(l, 1000) + 1;
        while (iterations < maxIterations) {
            if (--counter == 0) {
                counter = Math.min(l, 1000);
                if (shrinking) {
                    shrink();
                }
            }
            if (!selectWorkingSet()) {
                reconstructGradient();
                if (!selectWorkingSet()) {
                    break;
                }
                counter = 1;
            }
            iterations++;
            update(selectedI, selectedJ);
        }
        reconstructGradient();
        return new Solution(alpha.clone(), DualOffset.rho(y, gradient, status), gradient.clone(), iterations);
    }

    private float[] row(int i) {
        return cache.row(real[i], active.reals(), active.realCount());
    }

    /** WSS3: i maximises the violation, j the second-order decrease with i; false when optimal. */
    private boolean selectWorkingSet() {
        int[] variables = active.variables();
        int size = active.size();
        boolean contiguous = identity && active.complete();
        int i;
        if (nextValid) {
            i = nextGMaxIndex;
        } else {
            i = contiguous ? SmoLoops.mostViolating(gradient, sign, upMask, l)
                    : SmoLoops.mostViolating(gradient, sign, upMask, variables, size);
        }
        nextValid = false;
        if (i == SmoLoops.NONE) {
            return false;
        }
        double gMax = -sign[i] * gradient[i];
        float[] rowI = row(i);
        double diagonalI = diagonal[real[i]];
        int j = contiguous ? SmoLoops.partner(gradient, sign, lowMask, diagonal, rowI, diagonalI, gMax, l, gMax2Out)
                : identity ? SmoLoops.partner(gradient, sign, lowMask, diagonal, rowI, diagonalI, gMax, variables, size, gMax2Out)
                : SmoLoops.partner(gradient, sign, lowMask, diagonal, rowI, diagonalI, gMax, variables, size, real, gMax2Out);
        if (gMax + gMax2Out[0] < tolerance || j == SmoLoops.NONE) {
            return false;
        }
        selectedI = i;
        selectedJ = j;
        return true;
    }

    /** The analytic two-variable step of libsvm, then the gradient and {@code G_bar} updates. */
    private void update(int i, int j) {
        int[] variables = active.variables();
        int size = active.size();
        float[] rowI = row(i);
        float[] rowJ = row(j);
        double qii = diagonal[real[i]];
        double qjj = diagonal[real[j]];
        double qij = y[i] * y[j] * (double) rowI[real[j]];
        double oldI = alpha[i];
        double oldJ = alpha[j];
        if (y[i] != y[j]) {
            double quad = qii + qjj + 2 * qij;
            double delta = (-gradient[i] - gradient[j]) / (quad > 0 ? quad : TAU);
            double diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0 ? alpha[j] < 0 : alpha[i] < 0) {
                alpha[i] = diff > 0 ? diff : 0;
                alpha[j] = diff > 0 ? 0 : -diff;
            }
            if (diff > 0 ? alpha[i] > c : alpha[j] > c) {
                alpha[i] = diff > 0 ? c : c + diff;
                alpha[j] = diff > 0 ? c - diff : c;
            }
        } else {
            double quad = qii + qjj - 2 * qij;
            double delta = (gradient[i] - gradient[j]) / (quad > 0 ? quad : TAU);
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > c ? alpha[i] > c : alpha[j] < 0) {
                alpha[i] = sum > c ? c : sum;
                alpha[j] = sum > c ? sum - c : 0;
            }
            if (sum > c ? alpha[j] > c : alpha[i] < 0) {
                alpha[j] = sum > c ? c : sum;
                alpha[i] = sum > c ? sum - c : 0;
            }
        }
        double stepI = y[i] * (alpha[i] - oldI);
        double stepJ = y[j] * (alpha[j] - oldJ);
        boolean upperI = status[i] == UPPER;
        boolean upperJ = status[j] == UPPER;
        setStatus(i, statusOf(alpha[i]));
        setStatus(j, statusOf(alpha[j]));
        // the gradient update, then the next most violating i, as the selection's first pass would find it
        if (identity && active.complete()) {
            SmoLoops.step(gradient, sign, rowI, rowJ, stepI, stepJ, l);
            nextGMaxIndex = SmoLoops.mostViolating(gradient, sign, upMask, l);
        } else if (identity) {
            nextGMaxIndex = SmoLoops.stepAndMostViolating(gradient, sign, rowI, rowJ, stepI, stepJ, upMask, variables, size);
        } else {
            SmoLoops.step(gradient, sign, rowI, rowJ, stepI, stepJ, variables, size, real);
            nextGMaxIndex = SmoLoops.mostViolating(gradient, sign, upMask, variables, size);
        }
        nextValid = true;
        if (upperI != (status[i] == UPPER)) {
            updateGradientBar(i, upperI ? -c : c);
        }
        if (upperJ != (status[j] == UPPER)) {
            updateGradientBar(j, upperJ ? -c : c);
        }
    }

    private void updateGradientBar(int i, double weight) {
        float[] rowI = cache.fullRow(real[i]);
        double w = weight * y[i];
        if (identity) {
            SmoLoops.addRow(gradientBar, sign, rowI, w, l);
        } else {
            SmoLoops.addRow(gradientBar, sign, rowI, w, real, l);
        }
    }

    /** Sets variable {@code k}'s bound status and its masks. */
    private void setStatus(int k, byte value) {
        status[k] = value;
        boolean up = y[k] == 1 ? value != UPPER : value != LOWER;
        boolean low = y[k] == 1 ? value != LOWER : value != UPPER;
        upMask[k] = up ? 0 : Double.NEGATIVE_INFINITY;
        lowMask[k] = low ? 0 : Double.NEGATIVE_INFINITY;
    }

    private byte statusOf(double value) {
        return value >= c ? UPPER : value <= 0 ? LOWER : FREE;
    }

    private void shrink() {
        int[] variables = active.variables();
        int size = active.size();
        double gMax1 = Double.NEGATIVE_INFINITY;
        double gMax2 = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < size; a++) {
            int t = variables[a];
            double g = gradient[t];
            if (y[t] == 1) {
                if (status[t] != UPPER) {
                    gMax1 = Math.max(gMax1, -g);
                }
                if (status[t] != LOWER) {
                    gMax2 = Math.max(gMax2, g);
                }
            } else {
                if (status[t] != UPPER) {
                    gMax2 = Math.max(gMax2, -g);
                }
                if (status[t] != LOWER) {
                    gMax1 = Math.max(gMax1, g);
                }
            }
        }
        if (!unshrink && gMax1 + gMax2 <= tolerance * 10) {
            unshrink = true;
            reconstructGradient();
        }
        double upper = gMax1;
        double lower = gMax2;
        if (active.removeIf(t -> shrinkable(t, upper, lower))) {
            nextValid = false;
        }
    }

    private boolean shrinkable(int t, double gMax1, double gMax2) {
        double g = gradient[t];
        if (status[t] == UPPER) {
            return y[t] == 1 ? -g > gMax1 : -g > gMax2;
        }
        if (status[t] == LOWER) {
            return y[t] == 1 ? g > gMax2 : g > gMax1;
        }
        return false;
    }

    /** Restores the gradient of the shrunk variables from {@code G_bar} and the free ones; reactivates all. */
    private void reconstructGradient() {
        if (active.complete()) {
            return;
        }
        int[] variables = active.variables();
        int size = active.size();
        int freeCount = 0;
        for (int a = 0; a < size; a++) {
            if (status[variables[a]] == FREE) {
                freeCount++;
            }
        }
        int[] inactive = new int[l - size];
        int inactiveCount = 0;
        for (int k = 0; k < l; k++) {
            if (!active.contains(k)) {
                gradient[k] = gradientBar[k] + p[k];
                inactive[inactiveCount++] = k;
            }
        }
        if ((long) freeCount * l > 2L * size * inactiveCount) {
            for (int k : inactive) {
                float[] rowK = row(k);
                double sum = 0;
                for (int a = 0; a < size; a++) {
                    int i = variables[a];
                    if (status[i] == FREE) {
                        sum += alpha[i] * y[i] * (double) rowK[real[i]];
                    }
                }
                gradient[k] += y[k] * sum;
            }
        } else {
            for (int a = 0; a < size; a++) {
                int i = variables[a];
                if (status[i] != FREE) {
                    continue;
                }
                float[] rowI = cache.fullRow(real[i]);
                double w = alpha[i] * y[i];
                for (int k : inactive) {
                    gradient[k] += w * sign[k] * rowI[real[k]];
                }
            }
        }
        active.reset();
        nextValid = false;
        cache.grow();
    }
}
