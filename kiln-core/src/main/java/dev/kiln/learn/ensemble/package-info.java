/**
 * Weighted ensembles of fitted models: {@link dev.kiln.learn.ensemble.EnsembleLearner} fits its members on
 * the same rows and {@link dev.kiln.learn.ensemble.EnsembleModel} averages their probabilities or values.
 */
package dev.kiln.learn.ensemble;
