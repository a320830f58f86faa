package dev.kiln.learn.glm;

/** A smooth objective to minimise: its value and gradient at a point. */
interface DifferentiableFunction {

    /** The number of variables. */
    int dimension();

    /** Returns the value at {@code x} and writes the gradient into {@code gradient}; must not modify {@code x}. */
    double valueAndGradient(double[] x, double[] gradient);
}
