package dev.kiln.learn.glm;

/**
 * A line search for the strong Wolfe conditions (sufficient decrease {@code c1 = 1e-4}, curvature
 * {@code c2 = 0.9}), after Nocedal and Wright, <i>Numerical Optimization</i> (2006), algorithms 3.5
 * and 3.6: the step grows until it brackets an acceptable point, then the bracket shrinks by
 * safeguarded cubic interpolation. At most {@value #MAX_EVALUATIONS} evaluations per search.
 * Deterministic; holds scratch state, so one instance serves one optimisation at a time.
 */
final class WolfeLineSearch {
    static final int MAX_EVALUATIONS = 50;
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    private final DifferentiableFunction function;
    private double[] x;
    private double[] direction;
    private double[] xNew;
    private double[] gradientNew;
    private double value0;
    private double slope0;
    private int evaluations;

    WolfeLineSearch(DifferentiableFunction function) {
        this.function = function;
    }

    /**
     * Searches along {@code direction} (a descent direction) from {@code x}, where the objective is
     * {@code value} with directional derivative {@code slope < 0}. On success returns the new value
     * and leaves the accepted point in {@code xNew} and its gradient in {@code gradientNew}; returns
     * NaN when no step decreased the objective.
     */
    double search(double[] x, double value, double slope, double[] direction, double initialStep,
                  double[] xNew, double[] gradientNew) {
        this.x = x;
        this.direction = direction;
        this.xNew = xNew;
        this.gradientNew = gradientNew;
        this.value0 = value;
        this.slope0 = slope;
        this.evaluations = 0;
        double previousStep = 0;
        double previousValue = value;
        double previousSlope = slope;
        double step = initialStep;
        while (evaluations < MAX_EVALUATIONS) {
            double current = evaluate(step);
            double currentSlope = dot(gradientNew, direction);
            if (!(current <= value0 + C1 * step * slope0) || (evaluations > 1 && current >= previousValue)) {
                return zoom(previousStep, previousValue, previousSlope, step, current, currentSlope);
            }
            if (Math.abs(currentSlope) <= -C2 * slope0) {
                return current;
            }
            if (currentSlope >= 0) {
                return zoom(step, current, currentSlope, previousStep, previousValue, previousSlope);
            }
            previousStep = step;
            previousValue = current;
            previousSlope = currentSlope;
            step *= 2;
        }
        return acceptIfDecrease(previousStep, previousValue);
    }

    private double zoom(double low, double lowValue, double lowSlope, double high, double highValue, double highSlope) {
        while (evaluations < MAX_EVALUATIONS) {
            double step = interpolate(low, lowValue, lowSlope, high, highValue, highSlope);
            double current = evaluate(step);
            double currentSlope = dot(gradientNew, direction);
            if (!(current <= value0 + C1 * step * slope0) || current >= lowValue) {
                high = step;
                highValue = current;
                highSlope = currentSlope;
            } else {
                if (Math.abs(currentSlope) <= -C2 * slope0) {
                    return current;
                }
                if (currentSlope * (high - low) >= 0) {
                    high = low;
                    highValue = lowValue;
                    highSlope = lowSlope;
                }
                low = step;
                lowValue = current;
                lowSlope = currentSlope;
            }
        }
        return acceptIfDecrease(low, lowValue);
    }

    /** The minimiser of the cubic through both ends, kept inside the middle 80% of the bracket, else the midpoint. */
    private static double interpolate(double a, double fa, double da, double b, double fb, double db) {
        double width = b - a;
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - da * db;
        double step = Double.NaN;
        if (radicand >= 0) {
            double d2 = Math.signum(width) * Math.sqrt(radicand);
            step = b - width * (db + d2 - d1) / (db - da + 2 * d2);
        }
        double lo = Math.min(a, b) + 0.1 * Math.abs(width);
        double hi = Math.max(a, b) - 0.1 * Math.abs(width);
        return Double.isFinite(step) && step >= lo && step <= hi ? step : a + 0.5 * width;
    }

    /** Falls back to the best step seen when the budget runs out, if it decreased the objective at all. */
    private double acceptIfDecrease(double step, double stepValue) {
        if (step > 0 && stepValue < value0) {
            return evaluate(step);
        }
        return Double.NaN;
    }

    private double evaluate(double step) {
        evaluations++;
        for (int i = 0; i < x.length; i++) {
            xNew[i] = x[i] + step * direction[i];
        }
        return function.valueAndGradient(xNew, gradientNew);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
