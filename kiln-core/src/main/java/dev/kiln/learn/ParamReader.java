package dev.kiln.learn;

import java.util.List;
import java.util.Map;

/**
 * Reads a learner's hyper-parameters from spec strings (snake_case keys), the one place where their
 * text is parsed. Rejects unknown keys on construction and unparsable or out-of-range values on
 * reading, with {@link IllegalArgumentException} messages that name the key and the bad value, for
 * instance {@code max_depth: expected an integer >= 1, got 'abc'}. Keys that are absent take the
 * given default.
 */
public final class ParamReader {
    private final Map<String, String> values;

    /** Checks that every key of {@code values} is one of {@code known} for the learner named {@code learner}. */
    public ParamReader(String learner, Map<String, String> values, List<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(String.format("unknown parameter '%s' for %s (known: %s)",
                        key, learner, String.join(", ", known)));
            }
        }
        this.values = Map.copyOf(values);
    }

    /** The integer under {@code key}, at least {@code min}, or {@code fallback} when absent. */
    public int integer(String key, int fallback, int min) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException(String.format("%s: expected an integer >= %s, got '%s'", key, min, text));
    }

    /**
     * The finite number under {@code key}, at least {@code min} (above it when {@code exclusive}), or
     * {@code fallback} when absent.
     */
    public double number(String key, double fallback, double min, boolean exclusive) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (inRange(value, min, exclusive)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException(String.format("%s: expected a number %s %s, got '%s'",
                key, exclusive ? ">" : ">=", min, text));
    }

    /** The text under {@code key}, trimmed, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        String text = values.get(key);
        return text == null ? fallback : text.trim();
    }

    /** Whether {@code value} is finite and at least (or, when {@code exclusive}, above) {@code min}. */
    public static boolean inRange(double value, double min, boolean exclusive) {
        return Double.isFinite(value) && (exclusive ? value > min : value >= min);
    }
}
