package dev.kiln.learn.neural;

import dev.kiln.data.Checks;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * The training loop of {@link MlpLearner}: Glorot-uniform initialisation (Glorot and Bengio, 2010), a
 * seeded shuffle every epoch, mini-batch gradients by {@link Backprop}, an {@link Optimizer} step per
 * batch, and the stopping rule of {@link MlpParams}. Every random choice (initial weights, validation
 * rows, shuffles, dropout masks) comes from one generator seeded by the caller, drawn on the calling
 * thread, so the result does not depend on the thread count.
 */
final class MlpTraining {
    /** What training produced: the parameters, the epochs run and the last score (validation or training loss). */
    record Result(double[] theta, int epochs, double loss) {
    }

    private final Shape shape;
    private final MlpParams params;
    private final Output output;

    MlpTraining(Shape shape, MlpParams params, Output output) {
        this.shape = shape;
        this.params = params;
        this.output = output;
    }

    /** The initial parameters: weights and biases uniform in {@code ±√(6 / (fan_in + fan_out))} per layer. */
    static double[] initialise(Shape shape, SplittableRandom random) {
        double[] theta = new double[shape.parameters()];
        for (int l = 1; l < shape.layers(); l++) {
            double bound = Math.sqrt(6.0 / (shape.size(l - 1) + shape.size(l)));
            for (int t = shape.weights(l); t < shape.biases(l) + shape.size(l); t++) {
                theta[t] = (2 * random.nextDouble() - 1) * bound;
            }
        }
        return theta;
    }

    /** Trains on the {@code n} standardised rows {@code x} (row-major) with class {@code labels} or {@code targets}. */
    Result train(double[] x, int n, int[] labels, double[] targets, long seed, int threads) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = initialise(shape, random);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int validation = 0;
        if (params.earlyStopping()) {
            Checks.checkArgument(n >= 2, "early_stopping needs at least 2 training rows, got %s", n);
            shuffle(order, n, random);
            validation = Math.min(n - 1, Math.max(1, (int) Math.round(n * params.validationFraction())));
        }
        int[] trainRows = java.util.Arrays.copyOfRange(order, validation, n);
        int[] validationRows = java.util.Arrays.copyOf(order, validation);
        int rows = trainRows.length;
        int batch = Math.min(params.batchSize(), rows);
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            Backprop backprop = new Backprop(shape, params.activation(), output, Math.max(batch, 1), pool);
            Optimizer optimizer = params.solver().equals("adam") ? new Adam(theta.length, params.learningRate())
                    : new MomentumSgd(theta.length, params.learningRate(), params.momentum());
            double[][] masks = params.dropout() > 0 ? masks(batch) : null;
            double[] gradient = new double[theta.length];
            double best = Double.POSITIVE_INFINITY;
            double[] bestTheta = theta.clone();
            double score = Double.NaN;
            int stale = 0;
            int epoch = 0;
            while (epoch < params.maxIter()) {
                epoch++;
                shuffle(trainRows, rows, random);
                double total = 0;
                for (int start = 0; start < rows; start += batch) {
                    int end = Math.min(rows, start + batch);
                    if (masks != null) {
                        fillMasks(masks, end - start, random);
                    }
                    double loss = backprop.lossAndGradient(theta, x, labels, targets, trainRows, start, end, params.l2(), masks,
                            gradient);
                    optimizer.step(theta, gradient);
                    total += loss * (end - start);
                }
                score = validation > 0 ? backprop.loss(theta, x, labels, targets, validationRows, 0, validation) / validation
                        : total / rows;
                Checks.checkArgument(Double.isFinite(score), "learning_rate: the mlp's loss diverged at epoch %s with %s; lower it",
                        epoch, params.learningRate());
                stale = score > best - params.tolerance() ? stale + 1 : 0;
                if (score < best) {
                    best = score;
                    if (validation > 0) {
                        System.arraycopy(theta, 0, bestTheta, 0, theta.length);
                    }
                }
                if (stale >= params.patience()) {
                    break;
                }
            }
            return validation > 0 ? new Result(bestTheta, epoch, best) : new Result(theta, epoch, score);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private double[][] masks(int batch) {
        double[][] masks = new double[shape.layers()][];
        for (int l = 1; l < shape.layers() - 1; l++) {
            masks[l] = new double[batch * shape.size(l)];
        }
        return masks;
    }

    private void fillMasks(double[][] masks, int rows, SplittableRandom random) {
        double keep = 1 / (1 - params.dropout());
        for (int l = 1; l < shape.layers() - 1; l++) {
            double[] mask = masks[l];
            int count = rows * shape.size(l);
            for (int t = 0; t < count; t++) {
                mask[t] = random.nextDouble() < params.dropout() ? 0 : keep;
            }
        }
    }

    private static void shuffle(int[] values, int n, SplittableRandom random) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
