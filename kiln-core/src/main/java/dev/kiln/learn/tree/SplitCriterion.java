package dev.kiln.learn.tree;

/**
 * How {@link TreeGrower} values a node and scores its splits: the node's prediction, its weighted
 * impurity (impurity × rows), and for each candidate threshold the impurity decrease
 * {@code parent - (left + right)}, all weighted by row counts. Implementations hold the current
 * node's totals between {@link #prepare} and {@link #scan}: mutable, one grower at a time.
 */
sealed interface SplitCriterion permits GiniCriterion, SquaredErrorCriterion {

    /** The number of values a node predicts: the class count, or 1 for regression. */
    int width();

    /**
     * Takes in the node whose rows are {@code rows[start, end)}: writes its prediction into
     * {@code value} and returns its weighted impurity.
     */
    double prepare(int[] rows, int start, int end, double[] value);

    /**
     * Offers to {@code best} the best threshold on feature {@code feature} for the prepared node, whose
     * rows {@code sorted[start, end)} are in increasing order of {@code column}; only thresholds
     * between distinct values that leave at least {@code minLeaf} rows on each side.
     */
    void scan(int feature, double[] column, int[] sorted, int start, int end, int minLeaf, BestSplit best);
}
