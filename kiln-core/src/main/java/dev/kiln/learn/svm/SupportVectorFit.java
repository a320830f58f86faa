package dev.kiln.learn.svm;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * One solved kernel machine on a set of rows: the rows with a non-zero dual coefficient (the support
 * vectors, as indexes into those rows), their coefficients ({@code y_i α_i} for C-SVC,
 * {@code α_i − α*_i} for ε-SVR), the offset {@code rho} (decision {@code = Σ coef K(sv, x) − rho}) and
 * the decision value of every training row. Immutable once built; arrays are not handed out copied,
 * so callers must not modify them.
 */
record SupportVectorFit(int[] supportRows, double[] coefficients, double rho, double[] trainingDecisions) {
    private static final long BYTES_PER_MB = 1L << 20;

    /** C-SVC on the row-major rows {@code x} with labels {@code y} (+1 or -1). */
    static SupportVectorFit classifier(double[] x, int dimension, byte[] y, Kernel kernel, SvmParams params, ForkJoinPool pool) {
        int n = y.length;
        KernelRows rows = new KernelRows(x, dimension, kernel, pool);
        int[] real = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            real[i] = i;
            p[i] = -1;
        }
        SmoSolver.Solution solution = solve(rows, y, real, p, params);
        double[] alpha = solution.alpha();
        double[] coefficients = new double[n];
        double[] decisions = new double[n];
        for (int i = 0; i < n; i++) {
            coefficients[i] = y[i] * alpha[i];
            decisions[i] = y[i] * (solution.gradient()[i] + 1) - solution.rho();
        }
        return of(coefficients, solution.rho(), decisions);
    }

    /** ε-SVR on the row-major rows {@code x} with targets {@code z}: two dual variables per row. */
    static SupportVectorFit regressor(double[] x, int dimension, double[] z, Kernel kernel, SvmParams params, ForkJoinPool pool) {
        int n = z.length;
        KernelRows rows = new KernelRows(x, dimension, kernel, pool);
        byte[] y = new byte[2 * n];
        int[] real = new int[2 * n];
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[i] = 1;
            y[i + n] = -1;
            real[i] = i;
            real[i + n] = i;
            p[i] = params.epsilon() - z[i];
            p[i + n] = params.epsilon() + z[i];
        }
        SmoSolver.Solution solution = solve(rows, y, real, p, params);
        double[] alpha = solution.alpha();
        double[] gradient = solution.gradient();
        double[] coefficients = new double[n];
        double[] decisions = new double[n];
        for (int i = 0; i < n; i++) {
            coefficients[i] = alpha[i] - alpha[i + n];
            // G_i = Σ_j coef_j K_ij + ε − z_i, so the decision Σ coef K − rho is G_i − ε + z_i − rho
            decisions[i] = gradient[i] - params.epsilon() + z[i] - solution.rho();
        }
        return of(coefficients, solution.rho(), decisions);
    }

    /**
     * The machine of a pair one of whose classes has no training rows: no support vectors and a constant
     * decision of +1 for the first class, −1 for the second (0 with no rows at all).
     */
    static SupportVectorFit constant(boolean[] positive) {
        double rho = positive.length == 0 ? 0 : positive[0] ? -1 : 1;
        double[] decisions = new double[positive.length];
        Arrays.fill(decisions, -rho);
        return new SupportVectorFit(new int[0], new double[0], rho, decisions);
    }

    private static SmoSolver.Solution solve(KernelRows rows, byte[] y, int[] real, double[] p, SvmParams params) {
        int n = rows.rows();
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = rows.value(i, i);
        }
        var cache = new KernelCache(rows, (long) (params.cacheMb() * BYTES_PER_MB));
        long maxIterations = params.maxIter() > 0 ? params.maxIter() : Math.max(10_000_000L, 100L * y.length);
        return new SmoSolver(cache, diagonal, y, real, p, params.c(), params.tolerance(), params.shrinking(), maxIterations)
                .solve();
    }

    private static SupportVectorFit of(double[] coefficients, double rho, double[] decisions) {
        int count = 0;
        int[] support = new int[coefficients.length];
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] != 0) {
                support[count++] = i;
            }
        }
        support = Arrays.copyOf(support, count);
        double[] kept = new double[count];
        for (int s = 0; s < count; s++) {
            kept[s] = coefficients[support[s]];
        }
        return new SupportVectorFit(support, kept, rho, decisions);
    }

    /** The decision value at row {@code row} of the row-major {@code queries}, the support rows being rows of {@code x}. */
    double decision(double[] x, int dimension, Kernel kernel, double[] queries, int row) {
        int offset = row * dimension;
        double square = Kernel.dot(queries, offset, queries, offset, dimension);
        double sum = 0;
        for (int s = 0; s < supportRows.length; s++) {
            int sv = supportRows[s] * dimension;
            double dot = Kernel.dot(x, sv, queries, offset, dimension);
            sum += coefficients[s] * kernel.value(dot, Kernel.dot(x, sv, x, sv, dimension), square);
        }
        return sum - rho;
    }
}
