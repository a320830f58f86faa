/**
 * Preparation steps: {@link dev.kiln.prep.Transformer} (and {@link dev.kiln.prep.SupervisedTransformer},
 * which also sees the target) learns its state from training rows only and returns an immutable
 * {@link dev.kiln.prep.FittedTransformer} that is applied identically to a batch and to a single serving row,
 * and is read back from bundle JSON by {@link dev.kiln.prep.TransformerReaders}. {@link dev.kiln.prep.RowFilter}s
 * (duplicates, sparse rows, outliers with action drop) act on training rows only. A
 * {@link dev.kiln.prep.PreparationPlan} orders the steps; {@link dev.kiln.prep.AutoPreparation} chooses them.
 */
package dev.kiln.prep;
