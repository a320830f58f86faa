package dev.kiln.explore;

import java.util.Objects;

/** How many rows of a column hold {@code label}. Immutable. */
public record CategoryCount(String label, int count) {
    public CategoryCount {
        Objects.requireNonNull(label, "label");
    }
}
