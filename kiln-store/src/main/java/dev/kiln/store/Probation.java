package dev.kiln.store;

import java.util.Objects;

/**
 * A promotion on probation, as the store keeps it so that a restarted server still watches it: {@code promoted}
 * answers for {@code model}, {@code previous} (the champion it replaced) scores in shadow, and the promotion is
 * rolled back when the promoted version's live metric falls more than {@code margin} below the previous one's.
 * Immutable.
 *
 * @param sinceMs when the promotion was put on probation, epoch milliseconds
 */
public record Probation(String model, int promoted, int previous, double margin, long sinceMs) {
    public Probation {
        Objects.requireNonNull(model, "model");
    }
}
