/**
 * Data exploration: {@link dev.kiln.explore.Profiler} summarises every column of a frame, and the balance or
 * spread of a target, into immutable records that serialise to JSON as they are (for example with Jackson);
 * {@link dev.kiln.explore.Explorer} adds histograms, pairwise relationships, the association of every
 * feature with the target and warnings with their evidence (leakage, imbalance, ids, skew, ...).
 */
package dev.kiln.explore;
