package dev.kiln.learn.glm;

/**
 * The last {@code memory} curvature pairs {@code s = x_k+1 - x_k}, {@code y = g_k+1 - g_k} of
 * {@link Lbfgs}, in a ring buffer, and the two-loop recursion that applies the implied inverse
 * Hessian to a gradient. Mutable scratch state of one optimisation.
 */
final class CurvatureHistory {
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private int count;
    private int newest = -1;

    CurvatureHistory(int memory, int dimension) {
        this.s = new double[memory][dimension];
        this.y = new double[memory][dimension];
        this.rho = new double[memory];
        this.alpha = new double[memory];
    }

    boolean isEmpty() {
        return count == 0;
    }

    void clear() {
        count = 0;
        newest = -1;
    }

    /** Records the step from {@code x} to {@code xNew}, unless its curvature {@code s·y} is not clearly positive. */
    void add(double[] x, double[] xNew, double[] gradient, double[] gradientNew) {
        int slot = (newest + 1) % s.length;
        double[] sSlot = s[slot];
        double[] ySlot = y[slot];
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            sSlot[i] = xNew[i] - x[i];
            ySlot[i] = gradientNew[i] - gradient[i];
            sy += sSlot[i] * ySlot[i];
            yy += ySlot[i] * ySlot[i];
        }
        if (!(sy > 1e-12 * yy) || yy == 0) {
            count = Math.min(count, s.length - 1); // the slot held the oldest pair, now overwritten
            return;
        }
        rho[slot] = 1 / sy;
        newest = slot;
        count = Math.min(count + 1, s.length);
    }

    /** Writes {@code -H g} into {@code direction}, H the L-BFGS inverse Hessian scaled by {@code s·y / y·y}. */
    void direction(double[] gradient, double[] direction) {
        int n = gradient.length;
        for (int i = 0; i < n; i++) {
            direction[i] = -gradient[i];
        }
        if (count == 0) {
            return;
        }
        int m = s.length;
        for (int k = 0, slot = newest; k < count; k++, slot = (slot - 1 + m) % m) {
            alpha[slot] = rho[slot] * WolfeLineSearch.dot(s[slot], direction);
            axpy(-alpha[slot], y[slot], direction);
        }
        double gamma = 1 / (rho[newest] * WolfeLineSearch.dot(y[newest], y[newest]));
        for (int i = 0; i < n; i++) {
            direction[i] *= gamma;
        }
        int oldest = (newest - count + 1 + m) % m;
        for (int k = 0, slot = oldest; k < count; k++, slot = (slot + 1) % m) {
            double beta = rho[slot] * WolfeLineSearch.dot(y[slot], direction);
            axpy(alpha[slot] - beta, s[slot], direction);
        }
    }

    private static void axpy(double a, double[] x, double[] target) {
        for (int i = 0; i < target.length; i++) {
            target[i] += a * x[i];
        }
    }
}
