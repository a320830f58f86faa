package dev.kiln.learn;

import java.util.Locale;

/** The kind of learning problem. Classification is binary or multiclass by the number of classes. */
public enum Task {
    BINARY, MULTICLASS, REGRESSION;

    public boolean isClassification() {
        return this != REGRESSION;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code binary}, {@code multiclass} or {@code regression}; null otherwise. */
    public static Task fromLabel(String label) {
        for (Task task : values()) {
            if (task.label().equals(label)) {
                return task;
            }
        }
        return null;
    }
}
