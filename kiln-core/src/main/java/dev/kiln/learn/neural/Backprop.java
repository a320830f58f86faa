package dev.kiln.learn.neural;

import dev.kiln.learn.ParallelLoop;
import java.util.concurrent.ForkJoinPool;

/**
 * The loss and its gradient over a mini-batch, by back-propagation through dense layers. The batch is
 * cut into fixed blocks of {@value #BLOCK_ROWS} rows; each block runs forward and backward on its own
 * workspace (small row-major GEMMs: {@code Z = A W + b}, {@code ∂W = Aᵀ Δ}, {@code Δ' = (Δ Wᵀ) ⊙ f'}) and
 * writes its own partial gradient, and the partials are added in block order. The split depends only on
 * the batch size, so the gradient is the same, bit for bit, with one thread or many.
 *
 * <p>The data rows are standardised and row-major. Dropout masks, when given, hold per batch row and
 * hidden unit the factor {@code 0} or {@code 1 / (1 − p)} (inverted dropout). Not thread-safe: one batch at
 * a time per object.
 */
final class Backprop {
    /** Rows per block: a block's activations and weights stay in cache. */
    static final int BLOCK_ROWS = 32;

    private final Shape shape;
    private final Activation activation;
    private final Output output;
    private final ForkJoinPool pool;
    private final Workspace[] workspaces;
    private final double[][] transposed;

    /** Per-block buffers: activations and deltas per layer, a partial gradient and loss. */
    private static final class Workspace {
        final double[][] activations;
        final double[][] deltas;
        final double[] gradient;
        double loss;

        Workspace(Shape shape) {
            activations = new double[shape.layers()][];
            deltas = new double[shape.layers()][];
            for (int l = 0; l < shape.layers(); l++) {
                activations[l] = new double[BLOCK_ROWS * shape.size(l)];
                deltas[l] = new double[BLOCK_ROWS * shape.size(l)];
            }
            gradient = new double[shape.parameters()];
        }
    }

    Backprop(Shape shape, Activation activation, Output output, int maxBatch, ForkJoinPool pool) {
        this.shape = shape;
        this.activation = activation;
        this.output = output;
        this.pool = pool;
        int blocks = (maxBatch + BLOCK_ROWS - 1) / BLOCK_ROWS;
        this.workspaces = new Workspace[blocks];
        for (int b = 0; b < blocks; b++) {
            workspaces[b] = new Workspace(shape);
        }
        this.transposed = new double[shape.layers()][];
        for (int l = 2; l < shape.layers(); l++) {
            transposed[l] = new double[shape.size(l - 1) * shape.size(l)];
        }
    }

    /**
     * The mean loss over the batch rows {@code rows[from, to)} of {@code x} plus {@code ½ l2 ‖W‖² / batch},
     * and its gradient in {@code gradient} (overwritten). {@code masks[l]} (hidden layers only, or null
     * for no dropout) has {@code batch × size(l)} factors.
     */
    double lossAndGradient(double[] theta, double[] x, int[] labels, double[] targets, int[] rows, int from, int to,
                           double l2, double[][] masks, double[] gradient) {
        int batch = to - from;
        int blocks = (batch + BLOCK_ROWS - 1) / BLOCK_ROWS;
        for (int l = 2; l < shape.layers(); l++) {
            transpose(theta, l);
        }
        double scale = 1.0 / batch;
        ParallelLoop.run(pool, blocks, blocks, (part, first, end) -> {
            for (int b = first; b < end; b++) {
                int start = from + b * BLOCK_ROWS;
                block(workspaces[b], theta, x, labels, targets, rows, start, Math.min(to, start + BLOCK_ROWS), b * BLOCK_ROWS,
                        masks, scale);
            }
        });
        java.util.Arrays.fill(gradient, 0);
        double loss = 0;
        for (int b = 0; b < blocks; b++) {
            double[] partial = workspaces[b].gradient;
            for (int t = 0; t < gradient.length; t++) {
                gradient[t] += partial[t];
            }
            loss += workspaces[b].loss;
        }
        loss *= scale;
        if (l2 > 0) {
            double squares = 0;
            for (int l = 1; l < shape.layers(); l++) {
                int w = shape.weights(l);
                int end = shape.biases(l);
                for (int t = w; t < end; t++) {
                    squares += theta[t] * theta[t];
                    gradient[t] += l2 * theta[t] * scale;
                }
            }
            loss += 0.5 * l2 * squares * scale;
        }
        return loss;
    }

    /** The summed loss of {@code rows[from, to)}, forward only (no dropout), for validation. */
    double loss(double[] theta, double[] x, int[] labels, double[] targets, int[] rows, int from, int to) {
        int count = to - from;
        int blocks = (count + BLOCK_ROWS - 1) / BLOCK_ROWS;
        double total = 0;
        for (int first = 0; first < blocks; first += workspaces.length) {
            int group = Math.min(workspaces.length, blocks - first);
            int base = first;
            ParallelLoop.run(pool, group, group, (part, a, e) -> {
                for (int b = a; b < e; b++) {
                    int start = from + (base + b) * BLOCK_ROWS;
                    Workspace w = workspaces[b];
                    int m = forward(w, theta, x, rows, start, Math.min(to, start + BLOCK_ROWS), 0, null);
                    w.loss = outputLoss(w, labels, targets, rows, start, m, 0);
                }
            });
            for (int b = 0; b < group; b++) {
                total += workspaces[b].loss;
            }
        }
        return total;
    }

    private void transpose(double[] theta, int layer) {
        int in = shape.size(layer - 1);
        int out = shape.size(layer);
        int w = shape.weights(layer);
        double[] t = transposed[layer];
        for (int k = 0; k < in; k++) {
            for (int j = 0; j < out; j++) {
                t[j * in + k] = theta[w + k * out + j];
            }
        }
    }

    private void block(Workspace w, double[] theta, double[] x, int[] labels, double[] targets, int[] rows, int start, int end,
                       int batchOffset, double[][] masks, double scale) {
        int m = forward(w, theta, x, rows, start, end, batchOffset, masks);
        w.loss = outputLoss(w, labels, targets, rows, start, m, scale);
        java.util.Arrays.fill(w.gradient, 0);
        int last = shape.layers() - 1;
        for (int l = last; l >= 1; l--) {
            accumulateGradient(w, l, m);
            if (l > 1) {
                propagate(w, l, m, batchOffset, masks);
            }
        }
    }

    /** Runs rows {@code rows[start, end)} forward; returns their count. */
    private int forward(Workspace w, double[] theta, double[] x, int[] rows, int start, int end, int batchOffset, double[][] masks) {
        int m = end - start;
        int d = shape.inputs();
        double[] input = w.activations[0];
        for (int r = 0; r < m; r++) {
            System.arraycopy(x, rows[start + r] * d, input, r * d, d);
        }
        int last = shape.layers() - 1;
        for (int l = 1; l <= last; l++) {
            int in = shape.size(l - 1);
            int out = shape.size(l);
            int wo = shape.weights(l);
            int bo = shape.biases(l);
            double[] a = w.activations[l - 1];
            double[] z = w.activations[l];
            for (int r = 0; r < m; r++) {
                System.arraycopy(theta, bo, z, r * out, out);
            }
            Gemm.multiplyAdd(a, m, in, theta, wo, out, z);
            for (int r = 0; r < m; r++) {
                int zo = r * out;
                if (l < last) {
                    activation.apply(z, zo, zo + out);
                    if (masks != null) {
                        double[] mask = masks[l];
                        int mo = (batchOffset + r) * out;
                        for (int j = 0; j < out; j++) {
                            z[zo + j] *= mask[mo + j];
                        }
                    }
                } else {
                    output.activate(z, zo, out);
                }
            }
        }
        return m;
    }

    private double outputLoss(Workspace w, int[] labels, double[] targets, int[] rows, int start, int m, double scale) {
        int last = shape.layers() - 1;
        int out = shape.size(last);
        double[] o = w.activations[last];
        double[] delta = w.deltas[last];
        double loss = 0;
        for (int r = 0; r < m; r++) {
            int row = rows[start + r];
            loss += output.lossAndDelta(o, r * out, out, labels == null ? 0 : labels[row], targets == null ? 0 : targets[row],
                    scale, delta);
        }
        return loss;
    }

    /** {@code ∂W_l += A_{l-1}ᵀ Δ_l}, {@code ∂b_l += Σ_r Δ_l}. */
    private void accumulateGradient(Workspace w, int l, int m) {
        int in = shape.size(l - 1);
        int out = shape.size(l);
        int wo = shape.weights(l);
        int bo = shape.biases(l);
        double[] a = w.activations[l - 1];
        double[] delta = w.deltas[l];
        double[] g = w.gradient;
        Gemm.transposeMultiplyAdd(a, m, in, delta, out, g, wo);
        for (int r = 0; r < m; r++) {
            int dro = r * out;
            for (int j = 0; j < out; j++) {
                g[bo + j] += delta[dro + j];
            }
        }
    }

    /** {@code Δ_{l-1} = (Δ_l W_lᵀ) ⊙ f'(A_{l-1}) ⊙ mask}. */
    private void propagate(Workspace w, int l, int m, int batchOffset, double[][] masks) {
        int in = shape.size(l - 1);
        int out = shape.size(l);
        double[] t = transposed[l];
        double[] delta = w.deltas[l];
        double[] previous = w.deltas[l - 1];
        double[] a = w.activations[l - 1];
        double[] mask = masks == null ? null : masks[l - 1];
        java.util.Arrays.fill(previous, 0, m * in, 0);
        Gemm.multiplyAdd(delta, m, out, t, 0, in, previous);
        for (int r = 0; r < m; r++) {
            int po = r * in;
            int mo = (batchOffset + r) * in;
            for (int k = 0; k < in; k++) {
                double activated = a[po + k];
                double factor = 1;
                if (mask != null) {
                    factor = mask[mo + k];
                    activated = factor == 0 ? 0 : activated / factor;
                }
                previous[po + k] *= factor == 0 ? 0 : activation.derivative(activated) * factor;
            }
        }
    }
}
