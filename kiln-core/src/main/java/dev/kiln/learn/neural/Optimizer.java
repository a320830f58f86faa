package dev.kiln.learn.neural;

/**
 * A first-order update rule for the flat parameter vector: {@link Adam} or {@link MomentumSgd}.
 * Stateful (moments, velocity); one per training run, not thread-safe.
 */
sealed interface Optimizer permits Adam, MomentumSgd {
    /** Moves {@code theta} against {@code gradient}, in place. */
    void step(double[] theta, double[] gradient);
}
