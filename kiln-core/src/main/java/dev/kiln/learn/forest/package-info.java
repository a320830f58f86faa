/**
 * Random forests and extra trees on binned features: {@link dev.kiln.learn.forest.ForestLearner}
 * grows the trees in parallel ({@code ForestTreeGrower}, one weighted class-or-target histogram per
 * candidate feature, Gini or squared-error gain), {@code OutOfBag} scores the bootstrap's left-out
 * rows, and {@link dev.kiln.learn.forest.ForestModel} serves the mean of the trees from a flat
 * {@link dev.kiln.learn.tree.TreeEnsemble}. Binning is shared with gradient boosting in
 * {@code dev.kiln.learn.tree}.
 */
package dev.kiln.learn.forest;
