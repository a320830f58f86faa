package dev.kiln.eval;

import dev.kiln.data.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * One fold of a cross-validation: the row indexes a model is fitted on and the disjoint rows it is scored
 * on, each sorted ascending. {@code repeat} numbers the repetition (0 for a plain k-fold) and {@code index}
 * the fold within it. Immutable: arrays are copied in and every accessor returns a copy.
 */
public record Fold(int repeat, int index, int[] train, int[] validation) {
    public Fold {
        Checks.checkArgument(repeat >= 0 && index >= 0, "repeat and index must be >= 0: %s, %s", repeat, index);
        train = Objects.requireNonNull(train, "train").clone();
        validation = Objects.requireNonNull(validation, "validation").clone();
    }

    /** A copy of the training row indexes. */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** A copy of the validation row indexes. */
    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** How many training rows this fold has, without copying them. */
    public int trainSize() {
        return train.length;
    }

    /** How many validation rows this fold has, without copying them. */
    public int validationSize() {
        return validation.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fold other && repeat == other.repeat && index == other.index
                && Arrays.equals(train, other.train) && Arrays.equals(validation, other.validation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repeat, index, Arrays.hashCode(train), Arrays.hashCode(validation));
    }

    @Override
    public String toString() {
        return "Fold[repeat=" + repeat + ", index=" + index + ", train=" + train.length + " rows, validation="
                + validation.length + " rows]";
    }
}
