package dev.kiln.learn.neural;

/**
 * Stochastic gradient descent with classical momentum (Polyak's heavy ball):
 * {@code u ← μu − ηg}, {@code θ ← θ + u}. Stateful; not thread-safe.
 */
final class MomentumSgd implements Optimizer {
    private final double learningRate;
    private final double momentum;
    private final double[] velocity;

    MomentumSgd(int parameters, double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.velocity = new double[parameters];
    }

    @Override
    public void step(double[] theta, double[] gradient) {
        for (int i = 0; i < theta.length; i++) {
            velocity[i] = momentum * velocity[i] - learningRate * gradient[i];
            theta[i] += velocity[i];
        }
    }
}
