/**
 * Nearest-neighbour learners: {@link dev.kiln.learn.neighbors.KnnLearner}, k-nearest neighbours for
 * classification and regression over standardised rows, searched by a k-d tree in low dimension and by
 * blocked brute force otherwise, with deterministic tie-breaking.
 */
package dev.kiln.learn.neighbors;
