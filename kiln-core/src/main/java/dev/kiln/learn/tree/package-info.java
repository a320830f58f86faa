/**
 * Decision trees: {@link dev.kiln.learn.tree.CartLearner} grows a CART tree (Breiman et al., 1984) for
 * classification or regression, and {@link dev.kiln.learn.tree.CompactTree} is the flat-array form
 * every fitted tree is served from, allocating nothing per prediction. Training-only structures
 * ({@code SortedRows}, {@code SplitCriterion}, {@code TreeGrower}, {@code TrainingNode}) stay package-private.
 *
 * <p>It also holds what the tree ensembles share: {@link dev.kiln.learn.tree.Binner} and
 * {@link dev.kiln.learn.tree.FeatureBins} (quantile bins with a missing bin),
 * {@link dev.kiln.learn.tree.BinnedData} (row-major bytes), {@link dev.kiln.learn.tree.TreeEnsemble}
 * with its builder (many trees in flat arrays, with default directions and category sets), and exact TreeSHAP
 * ({@link dev.kiln.learn.tree.TreeShap}, {@link dev.kiln.learn.tree.TreeExplainer}) over single trees and ensembles.
 */
package dev.kiln.learn.tree;
