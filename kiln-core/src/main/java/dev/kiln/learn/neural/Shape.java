package dev.kiln.learn.neural;

import dev.kiln.data.Checks;

/**
 * The layout of a dense network's parameters in one flat vector: for each layer {@code l} (1..L) its
 * weights {@code W_l} ({@code size(l-1) × size(l)}, row-major: one row per input unit) then its biases
 * ({@code size(l)}). Immutable.
 */
final class Shape {
    private final int[] sizes;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int parameters;

    Shape(int[] sizes) {
        Checks.checkArgument(sizes.length >= 2, "a network needs an input and an output layer");
        for (int size : sizes) {
            Checks.checkArgument(size >= 1, "layer sizes must be >= 1: %s", java.util.Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        this.weightOffsets = new int[sizes.length];
        this.biasOffsets = new int[sizes.length];
        int offset = 0;
        for (int l = 1; l < sizes.length; l++) {
            weightOffsets[l] = offset;
            offset += sizes[l - 1] * sizes[l];
            biasOffsets[l] = offset;
            offset += sizes[l];
        }
        this.parameters = offset;
    }

    /** The number of layers including the input layer. */
    int layers() {
        return sizes.length;
    }

    int size(int layer) {
        return sizes[layer];
    }

    int[] sizes() {
        return sizes.clone();
    }

    int widest() {
        int max = 0;
        for (int size : sizes) {
            max = Math.max(max, size);
        }
        return max;
    }

    int weights(int layer) {
        return weightOffsets[layer];
    }

    int biases(int layer) {
        return biasOffsets[layer];
    }

    int parameters() {
        return parameters;
    }

    int inputs() {
        return sizes[0];
    }

    int outputs() {
        return sizes[sizes.length - 1];
    }

    /** Whether parameter {@code index} is a weight (penalised by L2), not a bias. */
    boolean isWeight(int index) {
        for (int l = 1; l < sizes.length; l++) {
            if (index >= weightOffsets[l] && index < biasOffsets[l]) {
                return true;
            }
        }
        return false;
    }
}
