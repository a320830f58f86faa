package dev.kiln.learn.neural;

import java.util.Locale;

/** The activation of the hidden layers: ReLU {@code max(0, z)} or {@code tanh(z)}. */
public enum Activation {
    RELU, TANH;

    /** The spec name: {@code relu} or {@code tanh}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The activation named {@code label}, or null. */
    public static Activation fromLabel(String label) {
        for (Activation a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        return null;
    }

    /** Applies the activation in place to {@code values[from, to)}. */
    void apply(double[] values, int from, int to) {
        if (this == RELU) {
            for (int i = from; i < to; i++) {
                values[i] = Math.max(values[i], 0.0); // branch-free on x86 (a blend), unlike a conditional
            }
        } else {
            for (int i = from; i < to; i++) {
                values[i] = Math.tanh(values[i]);
            }
        }
    }

    /** The derivative at a unit whose activation (before dropout) is {@code activated}. */
    double derivative(double activated) {
        return this == RELU ? (activated > 0 ? 1 : 0) : 1 - activated * activated;
    }
}
