package dev.kiln.learn.glm;

/**
 * Orthant-wise limited-memory quasi-Newton (OWL-QN; Andrew and Gao, 2007): minimises
 * {@code f(x) + Σ_i c_i |x_i|} for a smooth {@code f}, the L-BFGS of {@link Lbfgs} made to handle the
 * L1 term. Each iteration takes the pseudo-gradient (the steepest-descent direction of the whole
 * objective, 0 where a zero coordinate should stay zero), turns it into a quasi-Newton direction
 * from the curvature of {@code f} alone, zeroes the direction's components that disagree in sign
 * with the pseudo-gradient, and backtracks (halving, sufficient decrease {@code 1e-4}) along the
 * path projected onto the current orthant: a coordinate that would cross zero stops at zero. So
 * coefficients become exactly 0, as the lasso's do.
 *
 * <p>Stops when the largest pseudo-gradient component is at most {@code gradientTolerance}, when the
 * relative decrease of the objective is at most {@code relativeTolerance}, or after
 * {@code maxIterations}. Deterministic: the same function and start give the same bits.
 */
final class OwlQn {
    private static final double DECREASE = 1e-4;
    private static final int MAX_HALVINGS = 60;
    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeTolerance;

    OwlQn(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /** Minimises {@code smooth(x) + Σ l1Weights[i] |x_i|} from {@code start} (not modified); returns the point and the full objective. */
    Lbfgs.Result minimize(DifferentiableFunction smooth, double[] l1Weights, double[] start) {
        int n = smooth.dimension();
        double[] x = start.clone();
        double[] gradient = new double[n];
        double[] pseudo = new double[n];
        double[] direction = new double[n];
        double[] xNew = new double[n];
        double[] gradientNew = new double[n];
        double value = smooth.valueAndGradient(x, gradient) + penalty(l1Weights, x);
        pseudoGradient(x, gradient, l1Weights, pseudo);
        var history = new CurvatureHistory(memory, n);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            if (Lbfgs.maxAbs(pseudo) <= gradientTolerance) {
                return new Lbfgs.Result(x, value, Lbfgs.maxAbs(pseudo), iteration - 1, true);
            }
            double step = chooseDirection(history, pseudo, direction);
            double valueNew = Double.NaN;
            for (int halving = 0; halving < MAX_HALVINGS; halving++, step /= 2) {
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    double orthant = x[i] != 0 ? Math.signum(x[i]) : -Math.signum(pseudo[i]);
                    double moved = x[i] + step * direction[i];
                    xNew[i] = Math.signum(moved) == orthant ? moved : 0;
                    decrease += pseudo[i] * (xNew[i] - x[i]);
                }
                double candidate = smooth.valueAndGradient(xNew, gradientNew) + penalty(l1Weights, xNew);
                if (candidate <= value + DECREASE * decrease) {
                    valueNew = candidate;
                    break;
                }
            }
            if (Double.isNaN(valueNew)) {
                if (history.isEmpty()) {
                    return new Lbfgs.Result(x, value, Lbfgs.maxAbs(pseudo), iteration, false);
                }
                history.clear();
                continue;
            }
            history.add(x, xNew, gradient, gradientNew);
            double relative = (value - valueNew) / Math.max(Math.max(Math.abs(value), Math.abs(valueNew)), 1);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gradientNew, 0, gradient, 0, n);
            value = valueNew;
            pseudoGradient(x, gradient, l1Weights, pseudo);
            if (relative <= relativeTolerance) {
                return new Lbfgs.Result(x, value, Lbfgs.maxAbs(pseudo), iteration, true);
            }
        }
        return new Lbfgs.Result(x, value, Lbfgs.maxAbs(pseudo), maxIterations, Lbfgs.maxAbs(pseudo) <= gradientTolerance);
    }

    /**
     * The quasi-Newton direction for the pseudo-gradient, with the components that would not descend
     * zeroed; returns the first step (1, or {@code 1/‖pg‖} for steepest descent from an empty memory).
     */
    private static double chooseDirection(CurvatureHistory history, double[] pseudo, double[] direction) {
        history.direction(pseudo, direction);
        for (int i = 0; i < direction.length; i++) {
            if (direction[i] * pseudo[i] >= 0) {
                direction[i] = 0;
            }
        }
        if (!history.isEmpty() && WolfeLineSearch.dot(direction, pseudo) < 0) {
            return 1;
        }
        history.clear();
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -pseudo[i];
        }
        return 1 / Math.sqrt(WolfeLineSearch.dot(pseudo, pseudo));
    }

    /** The pseudo-gradient of {@code f + Σ c_i |x_i|}: the one-sided derivative that descends, or 0 at a kink that holds. */
    static void pseudoGradient(double[] x, double[] gradient, double[] l1Weights, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double c = l1Weights[i];
            double g = gradient[i];
            if (x[i] > 0) {
                out[i] = g + c;
            } else if (x[i] < 0) {
                out[i] = g - c;
            } else if (g + c < 0) {
                out[i] = g + c;
            } else if (g - c > 0) {
                out[i] = g - c;
            } else {
                out[i] = 0;
            }
        }
    }

    private static double penalty(double[] l1Weights, double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += l1Weights[i] * Math.abs(x[i]);
        }
        return sum;
    }
}
