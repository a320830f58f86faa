package dev.kiln.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something about the data a person should look at before training, with the numbers that show it.
 * Immutable; serialises to JSON as it is.
 *
 * @param code what kind of problem: {@code constant}, {@code near_constant}, {@code id_like},
 *     {@code high_cardinality}, {@code high_missing}, {@code skewed}, {@code duplicate_rows},
 *     {@code class_imbalance}, {@code target_leakage} or {@code sensitive_imbalance}
 * @param column the column concerned, or null for the whole frame
 * @param message one sentence for people
 * @param evidence the figures behind it, by name
 */
public record Warning(String code, String column, String message, Map<String, Object> evidence) {
    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
