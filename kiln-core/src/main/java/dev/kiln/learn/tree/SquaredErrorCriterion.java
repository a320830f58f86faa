package dev.kiln.learn.tree;

/**
 * The squared-error (variance reduction) criterion for regression: a node predicts its mean, and its
 * weighted impurity is its sum of squared deviations. Scanning sums the targets centred on the node
 * mean, so the decrease {@code S_L² / n_L + S_R² / n_R} loses no precision to a large mean.
 */
final class SquaredErrorCriterion implements SplitCriterion {
    private final double[] targets;
    private double mean;
    private double centredTotal;
    private int total;

    SquaredErrorCriterion(double[] targets) {
        this.targets = targets;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public double prepare(int[] rows, int start, int end, double[] value) {
        total = end - start;
        double sum = 0;
        for (int i = start; i < end; i++) {
            sum += targets[rows[i]];
        }
        mean = sum / total;
        double squares = 0;
        double centred = 0;
        for (int i = start; i < end; i++) {
            double d = targets[rows[i]] - mean;
            squares += d * d;
            centred += d;
        }
        centredTotal = centred;
        value[0] = mean;
        return squares;
    }

    @Override
    public void scan(int feature, double[] column, int[] sorted, int start, int end, int minLeaf, BestSplit best) {
        double parent = centredTotal * centredTotal / total;
        double leftSum = 0;
        for (int i = start; i < end - 1; i++) {
            leftSum += targets[sorted[i]] - mean;
            int leftCount = i - start + 1;
            int rightCount = total - leftCount;
            if (leftCount < minLeaf || rightCount < minLeaf) {
                continue;
            }
            double a = column[sorted[i]];
            double b = column[sorted[i + 1]];
            if (a < b) {
                double rightSum = centredTotal - leftSum;
                double gain = leftSum * leftSum / leftCount + rightSum * rightSum / rightCount - parent;
                best.offer(feature, BestSplit.midpoint(a, b), gain);
            }
        }
    }
}
