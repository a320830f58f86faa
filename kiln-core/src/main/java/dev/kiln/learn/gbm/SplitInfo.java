package dev.kiln.learn.gbm;

/**
 * The best split found for a leaf: the feature; for a numeric feature the last value bin sent left
 * ({@code bin}) and where missing values go ({@code defaultLeft}); for a categorical feature the set
 * of bins sent left ({@code categoryBins}, 8 ints of bits, null for numeric); the gain; and the
 * gradient and hessian sums of both children. Immutable (the array is not shared
 * outside the grower).
 */
record SplitInfo(int feature, int bin, boolean defaultLeft, int[] categoryBins, double gain,
        double leftGradients, double leftHessians, double rightGradients, double rightHessians) {

    boolean isCategorical() {
        return categoryBins != null;
    }

    /** Whether a row in bin {@code b} of {@link #feature()} goes left. */
    boolean goesLeft(int b) {
        if (categoryBins != null) {
            return (categoryBins[b >>> 5] >>> (b & 31) & 1) != 0;
        }
        return b == 0 ? defaultLeft : b <= bin;
    }
}
