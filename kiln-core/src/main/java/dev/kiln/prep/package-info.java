/**
 * Preparation steps: {@link dev.kiln.prep.Transformer} learns its state from training rows only and
 * returns an immutable {@link dev.kiln.prep.FittedTransformer} that is applied identically to a batch
 * and to a single serving row.
 */
package dev.kiln.prep;
