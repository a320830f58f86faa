package dev.kiln.learn.gbm;

import dev.kiln.data.Checks;
import dev.kiln.learn.Task;

/**
 * A boosting objective: everything the booster knows about the loss, exchanged with the tree learner
 * only as gradients and hessians (as LightGBM's {@code ObjectiveFunction::GetGradients}). A loss with
 * {@link #outputs()} {@code K > 1} keeps raw scores, gradients and hessians class-major: output
 * {@code k} of row {@code i} at {@code k * n + i}, where {@code n = y.length}.
 *
 * <p>Implementations are immutable and thread-safe; {@link #gradients} writes only rows
 * {@code [from, to)}, so disjoint ranges may run in parallel.
 */
public sealed interface Loss permits LogLoss, SoftmaxLoss, SquaredError, AbsoluteError, HuberLoss, QuantileLoss {

    /** The loss's spec name, for instance {@code log_loss}. */
    String name();

    /** The raw scores per row: the class count for softmax, otherwise 1. */
    default int outputs() {
        return 1;
    }

    /**
     * Whether every hessian is 1 (the losses fitted by gradient steps): the tree learner then reads
     * the gradients alone and counts rows for the hessian sums, which gives the same sums.
     */
    default boolean unitHessians() {
        return false;
    }

    /** The constant raw score per output that minimises the loss on {@code y}, where boosting starts. */
    double[] baseline(double[] y);

    /** Writes the gradient and hessian of the loss at {@code raw} for rows {@code [from, to)}. */
    void gradients(double[] raw, double[] y, double[] grad, double[] hess, int from, int to);

    /** Writes the gradient and hessian for every row. */
    default void gradients(double[] raw, double[] y, double[] grad, double[] hess) {
        gradients(raw, y, grad, hess, 0, y.length);
    }

    /** The sum of the loss over rows {@code [from, to)}. */
    double loss(double[] raw, double[] y, int from, int to);

    /**
     * Turns one row's raw scores, in {@code out[0..outputs)}, into its prediction in place: class
     * probabilities ({@code out.length >= classes}) or the regression value in {@code out[0]}.
     * Allocates nothing.
     */
    void transform(double[] out);

    /**
     * {@link #transform} over a block of rows, for batch prediction: row {@code i < rows} has output {@code k}'s raw
     * score at {@code scores[k * stride + i]} and gets its {@code width} prediction values (the class count, or 1) at
     * {@code out[at + i * width]}, the same values as {@link #transform} gives. The losses override it with one plain
     * loop, which the JIT compiles soon and small on a cold batch.
     */
    default void transformRows(double[] scores, int stride, int rows, double[] out, int at, int width) {
        double[] row = new double[Math.max(width, outputs())];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < outputs(); k++) {
                row[k] = scores[k * stride + i];
            }
            transform(row);
            System.arraycopy(row, 0, out, at + i * width, width);
        }
    }

    /**
     * The loss named {@code name} ({@code auto} picks log loss, softmax or squared error by task).
     * {@link IllegalArgumentException} naming {@code loss} when it does not fit the task.
     */
    static Loss of(String name, Task task, int classes, double huberDelta, double quantileAlpha) {
        String resolved = !name.equals("auto") ? name : switch (task) {
            case BINARY -> LogLoss.NAME;
            case MULTICLASS -> SoftmaxLoss.NAME;
            case REGRESSION -> SquaredError.NAME;
            case CLUSTERING, ANOMALY -> throw new IllegalArgumentException("gbm does not support " + task.label());
        };
        Loss loss = switch (resolved) {
            case LogLoss.NAME -> new LogLoss();
            case SoftmaxLoss.NAME -> new SoftmaxLoss(classes);
            case SquaredError.NAME -> new SquaredError();
            case AbsoluteError.NAME -> new AbsoluteError();
            case HuberLoss.NAME -> new HuberLoss(huberDelta);
            case QuantileLoss.NAME -> new QuantileLoss(quantileAlpha);
            default -> throw new IllegalArgumentException(String.format(
                    "loss: unknown loss '%s' (known: auto, log_loss, softmax, squared_error, absolute_error, huber, quantile)", name));
        };
        boolean fits = switch (task) {
            case BINARY -> loss instanceof LogLoss;
            case MULTICLASS -> loss instanceof SoftmaxLoss;
            case REGRESSION -> !(loss instanceof LogLoss || loss instanceof SoftmaxLoss);
            case CLUSTERING, ANOMALY -> false;
        };
        Checks.checkArgument(fits, "loss: '%s' does not fit task %s", resolved, task.label());
        return loss;
    }

    /** The {@code alpha}-quantile of {@code y} (lower interpolation), for baselines. */
    static double quantile(double[] y, double alpha) {
        double[] sorted = y.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(alpha * sorted.length))];
    }
}
