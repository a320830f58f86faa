package dev.kiln.learn.glm;

/**
 * Cyclic coordinate descent for the elastic net on standardised features (Friedman, Hastie and
 * Tibshirani, 2010): minimises
 * {@code (1/2n) ‖y - Zβ‖² + λ Σ_j [ρ a_j |β_j| + ½ (1 - ρ) b_j β_j²]}, where {@code ρ} is the L1
 * ratio and {@code a_j}, {@code b_j} are per-feature penalty weights (the caller's way to put the
 * penalty on the original scale). Each coordinate step is the exact minimiser
 * {@code S(g_j + c_j β_j, λρa_j) / (c_j + λ(1-ρ)b_j)}, {@code S} the soft threshold.
 *
 * <p>Meant to be called along a decreasing path of {@code λ} with warm starts. At each {@code λ} the
 * sequential strong rule (Tibshirani et al., 2012) picks the features worth visiting
 * ({@code |g_j| ≥ ρ a_j (2λ - λ_prev)}), the features once chosen stay in the working set, sweeps
 * alternate between the whole working set and its nonzero (active) coefficients until no coefficient
 * moves by more than the threshold ({@code max c_j Δβ_j² ≤ threshold}), and the optimality (KKT)
 * conditions of the features left out are checked afterwards: any violator joins the set and the
 * sweeps resume. Deterministic (fixed visiting order); mutable: one path at a time.
 */
final class CoordinateDescent {
    private final CoordinateUpdates updates;
    private final double[] l1Weights;
    private final double[] l2Weights;
    private final double l1Ratio;
    private final double threshold;
    private final int maxPasses;
    private final double[] beta;
    private final boolean[] working;
    private int passes;
    private int budgetEnd;
    private boolean converged = true;

    /**
     * {@code threshold}: the largest {@code c_j Δβ_j²} of a sweep at which the solve stops;
     * {@code maxPasses}: the sweeps allowed for each {@code λ}.
     */
    CoordinateDescent(CoordinateUpdates updates, double[] l1Weights, double[] l2Weights, double l1Ratio, double threshold,
                      int maxPasses) {
        this.updates = updates;
        this.l1Weights = l1Weights;
        this.l2Weights = l2Weights;
        this.l1Ratio = l1Ratio;
        this.threshold = threshold;
        this.maxPasses = maxPasses;
        this.beta = new double[updates.size()];
        this.working = new boolean[updates.size()];
    }

    /** The smallest {@code λ} at which every coefficient is 0 (for ρ = 0, that of ρ = 0.001, as glmnet). */
    static double lambdaMax(CoordinateUpdates updates, double[] l1Weights, double l1Ratio) {
        double max = 0;
        for (int j = 0; j < updates.size(); j++) {
            if (updates.curvature(j) > 0 && l1Weights[j] > 0) {
                max = Math.max(max, Math.abs(updates.gradient(j)) / l1Weights[j]);
            }
        }
        return max / Math.max(l1Ratio, 1e-3);
    }

    /** Solves at {@code lambda}, warm from the current coefficients, which were solved at {@code previousLambda}. */
    void solve(double lambda, double previousLambda) {
        budgetEnd = passes + maxPasses;
        double strongCut = l1Ratio * (2 * lambda - previousLambda);
        for (int j = 0; j < beta.length; j++) {
            if (!working[j] && updates.curvature(j) > 0
                    && (l1Ratio == 0 || Math.abs(updates.gradient(j)) >= strongCut * l1Weights[j])) {
                working[j] = true;
            }
        }
        do {
            sweepUntilStable(lambda);
        } while (addViolators(lambda) && passes < budgetEnd);
    }

    /** The coefficients on the standardised scale (a copy). */
    double[] coefficients() {
        return beta.clone();
    }

    /** Whether every solve so far met the threshold within the sweeps allowed. */
    boolean converged() {
        return converged;
    }

    /** The sweeps done so far. */
    int passes() {
        return passes;
    }

    private void sweepUntilStable(double lambda) {
        while (true) {
            if (passes >= budgetEnd) {
                converged = false;
                return;
            }
            passes++;
            if (sweep(lambda, false) <= threshold) {
                return;
            }
            while (passes < budgetEnd) {
                passes++;
                if (sweep(lambda, true) <= threshold) {
                    break;
                }
            }
        }
    }

    /** One pass over the working set (or its nonzero coefficients only); returns the largest {@code c_j Δβ_j²}. */
    private double sweep(double lambda, boolean activeOnly) {
        double largest = 0;
        double l1 = lambda * l1Ratio;
        double l2 = lambda * (1 - l1Ratio);
        for (int j = 0; j < beta.length; j++) {
            if (!working[j] || activeOnly && beta[j] == 0) {
                continue;
            }
            double c = updates.curvature(j);
            double old = beta[j];
            double value = Vectors.softThreshold(updates.gradient(j) + c * old, l1 * l1Weights[j]) / (c + l2 * l2Weights[j]);
            double delta = value - old;
            if (delta != 0) {
                updates.move(j, delta);
                beta[j] = value;
                largest = Math.max(largest, c * delta * delta);
            }
        }
        return largest;
    }

    /** Adds to the working set every feature left out whose zero coefficient is not optimal; returns whether any was. */
    private boolean addViolators(double lambda) {
        boolean any = false;
        for (int j = 0; j < beta.length; j++) {
            if (!working[j] && updates.curvature(j) > 0 && Math.abs(updates.gradient(j)) > lambda * l1Ratio * l1Weights[j]) {
                working[j] = true;
                any = true;
            }
        }
        return any;
    }
}
