package dev.kiln.prep;

/**
 * A fitted step's row form: maps one row in its input {@link RowLayout} to one row in {@link #output()},
 * giving exactly the values that the step's frame form gives for that row. Immutable and thread-safe;
 * {@link #apply} allocates nothing.
 */
public interface RowTransform {

    /** The layout of the rows this transform writes. */
    RowLayout output();

    /** Writes the transformed {@code in} into {@code out} (at least {@code output().size()} long); {@code in} is not changed. */
    void apply(double[] in, double[] out);
}
