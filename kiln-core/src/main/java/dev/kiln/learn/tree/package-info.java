/**
 * Decision trees: {@link dev.kiln.learn.tree.CartLearner} grows a CART tree (Breiman et al., 1984) for
 * classification or regression, and {@link dev.kiln.learn.tree.CompactTree} is the flat-array form
 * every fitted tree is served from, allocating nothing per prediction. Training-only structures
 * ({@code SortedRows}, {@code SplitCriterion}, {@code TreeGrower}, {@code TrainingNode}) stay package-private.
 */
package dev.kiln.learn.tree;
