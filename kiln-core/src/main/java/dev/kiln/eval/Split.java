package dev.kiln.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * Row indexes of the training, validation and test parts of a frame, each sorted ascending; validation may
 * be empty. Immutable: arrays are copied in and every accessor returns a copy.
 */
public record Split(int[] train, int[] validation, int[] test) {
    public Split {
        train = Objects.requireNonNull(train, "train").clone();
        validation = Objects.requireNonNull(validation, "validation").clone();
        test = Objects.requireNonNull(test, "test").clone();
    }

    /** A copy of the training row indexes. */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** A copy of the validation row indexes; empty when no validation part was asked for. */
    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** A copy of the test row indexes. */
    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split other && Arrays.equals(train, other.train)
                && Arrays.equals(validation, other.validation) && Arrays.equals(test, other.test);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(train), Arrays.hashCode(validation), Arrays.hashCode(test));
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + " rows, validation=" + validation.length + " rows, test="
                + test.length + " rows]";
    }
}
