package dev.kiln.learn.bayes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;

/**
 * The per-class feature model of naive Bayes: adds {@code log P(x | class)} for every class, the
 * features being independent given the class. Immutable; {@link #addLogLikelihoods} allocates nothing.
 */
sealed interface Likelihood permits GaussianLikelihood, MultinomialLikelihood, CategoricalLikelihood {

    /** The kind written in bundles: {@code gaussian}, {@code multinomial} or {@code categorical}. */
    String kind();

    /** Adds {@code log P(x | c)} to {@code out[c]} for every class {@code c}. */
    void addLogLikelihoods(double[] x, double[] out);

    /** Writes the fitted state into {@code json}, large arrays into {@code arrays}. */
    void write(ObjectNode json, BinaryArrays arrays);
}
