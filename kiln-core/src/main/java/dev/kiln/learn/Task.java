package dev.kiln.learn;

import java.util.Locale;

/**
 * The kind of learning problem. Classification is binary or multiclass by the number of classes;
 * clustering and anomaly detection are unsupervised: they have no target.
 */
public enum Task {
    BINARY, MULTICLASS, REGRESSION, CLUSTERING, ANOMALY;

    public boolean isClassification() {
        return this == BINARY || this == MULTICLASS;
    }

    /** Whether the task learns from the features alone, without a target (clustering, anomaly detection). */
    public boolean isUnsupervised() {
        return this == CLUSTERING || this == ANOMALY;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code binary}, {@code multiclass}, {@code regression}, {@code clustering} or {@code anomaly}; null otherwise. */
    public static Task fromLabel(String label) {
        for (Task task : values()) {
            if (task.label().equals(label)) {
                return task;
            }
        }
        return null;
    }
}
