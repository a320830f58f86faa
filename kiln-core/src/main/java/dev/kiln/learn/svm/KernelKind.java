package dev.kiln.learn.svm;

import java.util.Locale;

/** The kernels of {@link SvmLearner}: {@code rbf} {@code exp(-γ‖a−b‖²)}, {@code poly} {@code (γ a·b + coef0)^degree}, {@code linear} {@code a·b}. */
public enum KernelKind {
    RBF, POLY, LINEAR;

    /** The spec name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kernel named {@code label}, or {@link IllegalArgumentException} naming {@code key}. */
    public static KernelKind parse(String key, String label) {
        for (KernelKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(String.format("%s: expected rbf, poly or linear, got '%s'", key, label));
    }
}
