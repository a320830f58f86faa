/**
 * Histogram gradient boosting, laid out as LightGBM and scikit-learn's HistGradientBoosting are:
 * {@link dev.kiln.learn.gbm.Loss} (one class per loss) exchanges only gradients and hessians with
 * the tree learner; {@code HistogramBuilder} (with the subtraction trick, over its own row-major
 * {@code PackedBins}, where mutually exclusive sparse features such as one-hot indicators share a
 * byte), {@code SplitFinder} /
 * {@code SplitInfo} and the leaf-wise {@code TreeGrower} grow a {@code GrownTree} in bin terms, used
 * only in training; the {@code Booster} runs the rounds; the fitted {@link dev.kiln.learn.gbm.GbmModel}
 * serves from a flat {@link dev.kiln.learn.tree.TreeEnsemble}. Binning is shared with the forests in
 * {@code dev.kiln.learn.tree}.
 *
 * <p>Categorical features are those named by the {@code categorical} parameter; none is guessed, since
 * an integer-coded numeric feature cannot be told apart from category codes by its values alone.
 */
package dev.kiln.learn.gbm;
