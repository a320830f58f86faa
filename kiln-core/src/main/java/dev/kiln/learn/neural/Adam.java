package dev.kiln.learn.neural;

/**
 * Adam (Kingma and Ba, 2015) with bias-corrected step size, as scikit-learn's MLP:
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²},
 * {@code θ ← θ − η √(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)}. Stateful; not thread-safe.
 */
final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[] first;
    private final double[] second;
    private int t;

    Adam(int parameters, double learningRate) {
        this.learningRate = learningRate;
        this.first = new double[parameters];
        this.second = new double[parameters];
    }

    @Override
    public void step(double[] theta, double[] gradient) {
        t++;
        double rate = learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        for (int i = 0; i < theta.length; i++) {
            double g = gradient[i];
            first[i] = BETA1 * first[i] + (1 - BETA1) * g;
            second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
            theta[i] -= rate * first[i] / (Math.sqrt(second[i]) + EPSILON);
        }
    }
}
