package dev.kiln.learn.glm;

/**
 * The limited-memory BFGS minimiser of Liu and Nocedal (1989), as in Nocedal and Wright,
 * <i>Numerical Optimization</i> (2006), algorithm 7.5: the two-loop recursion over the last
 * {@code memory} curvature pairs gives a quasi-Newton direction, and a {@link WolfeLineSearch} picks
 * the step. Pairs with too little curvature are skipped, and a failed search falls back once to
 * steepest descent with the memory cleared.
 *
 * <p>Stops when the largest gradient component is at most {@code gradientTolerance}, when the
 * objective's relative decrease {@code (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1)} is at most
 * {@code relativeTolerance} (both as in SciPy's L-BFGS-B), or after {@code maxIterations}.
 * Deterministic: the same function and start give the same result, bit for bit. Cost per iteration:
 * one or a few evaluations plus {@code O(memory × dimension)}.
 */
final class Lbfgs {
    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double relativeTolerance;

    /** The outcome: the final point, its value, the largest gradient component there, and whether a test stopped it. */
    record Result(double[] x, double value, double maxGradient, int iterations, boolean converged) {
    }

    Lbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /** Minimises {@code function} from {@code start} (not modified). */
    Result minimize(DifferentiableFunction function, double[] start) {
        int n = function.dimension();
        double[] x = start.clone();
        double[] gradient = new double[n];
        double[] xNew = new double[n];
        double[] gradientNew = new double[n];
        double[] direction = new double[n];
        double value = function.valueAndGradient(x, gradient);
        var history = new CurvatureHistory(memory, n);
        var lineSearch = new WolfeLineSearch(function);
        if (maxAbs(gradient) <= gradientTolerance) {
            return new Result(x, value, maxAbs(gradient), 0, true);
        }
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double initialStep = chooseDirection(history, gradient, direction);
            double slope = WolfeLineSearch.dot(gradient, direction);
            double valueNew = lineSearch.search(x, value, slope, direction, initialStep, xNew, gradientNew);
            if (Double.isNaN(valueNew)) {
                if (history.isEmpty()) {
                    return new Result(x, value, maxAbs(gradient), iteration, false);
                }
                history.clear();
                continue;
            }
            history.add(x, xNew, gradient, gradientNew);
            double decrease = (value - valueNew) / Math.max(Math.max(Math.abs(value), Math.abs(valueNew)), 1);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gradientNew, 0, gradient, 0, n);
            value = valueNew;
            if (maxAbs(gradient) <= gradientTolerance || decrease <= relativeTolerance) {
                return new Result(x, value, maxAbs(gradient), iteration, true);
            }
        }
        return new Result(x, value, maxAbs(gradient), maxIterations, false);
    }

    /**
     * Writes the quasi-Newton direction into {@code direction} and returns the first step to try: 1,
     * or {@code 1 / ‖g‖} for steepest descent when the memory is empty or gave no descent direction.
     */
    private static double chooseDirection(CurvatureHistory history, double[] gradient, double[] direction) {
        history.direction(gradient, direction);
        if (!history.isEmpty() && WolfeLineSearch.dot(gradient, direction) < 0) {
            return 1;
        }
        history.clear();
        steepestDescent(gradient, direction);
        return 1 / Math.sqrt(WolfeLineSearch.dot(gradient, gradient));
    }

    private static void steepestDescent(double[] gradient, double[] direction) {
        for (int i = 0; i < gradient.length; i++) {
            direction[i] = -gradient[i];
        }
    }

    static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
