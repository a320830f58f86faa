package dev.kiln.learn.neural;

/**
 * The output layer and its loss: {@link #SIGMOID} (one unit, binary log-loss), {@link #SOFTMAX} (one
 * unit per class, multinomial log-loss) or {@link #LINEAR} (one unit, half squared error). With each,
 * the loss gradient with respect to the output layer's pre-activations is {@code output − truth}.
 */
enum Output {
    SIGMOID, SOFTMAX, LINEAR;

    private static final double EPSILON = 1e-15;

    /** Turns the pre-activations {@code z[from, from + width)} into outputs, in place. */
    void activate(double[] z, int from, int width) {
        switch (this) {
            case SIGMOID -> z[from] = sigmoid(z[from]);
            case LINEAR -> { }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < width; c++) {
                    max = Math.max(max, z[from + c]);
                }
                double sum = 0;
                for (int c = 0; c < width; c++) {
                    z[from + c] = Math.exp(z[from + c] - max);
                    sum += z[from + c];
                }
                for (int c = 0; c < width; c++) {
                    z[from + c] /= sum;
                }
            }
        }
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * The loss of one row whose outputs are {@code out[from, from + width)}, and writes the gradient
     * {@code (output − truth) × scale} into {@code delta} at the same place. {@code label} is the class
     * (classification), {@code target} the value (regression).
     */
    double lossAndDelta(double[] out, int from, int width, int label, double target, double scale, double[] delta) {
        switch (this) {
            case SIGMOID -> {
                double p = out[from];
                double y = label;
                delta[from] = (p - y) * scale;
                double clipped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
                return -(y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped));
            }
            case LINEAR -> {
                double diff = out[from] - target;
                delta[from] = diff * scale;
                return 0.5 * diff * diff;
            }
            default -> {
                for (int c = 0; c < width; c++) {
                    delta[from + c] = (out[from + c] - (c == label ? 1 : 0)) * scale;
                }
                return -Math.log(Math.max(EPSILON, out[from + label]));
            }
        }
    }
}
