package dev.kiln.data;

/**
 * Where fitted state keeps large numeric arrays: the JSON state holds the reference this returns, and
 * the bytes live in a compact binary side file of the model bundle. Implementations are given to
 * {@code toJson} when writing and to the type's reader when loading.
 */
public interface BinaryArrays {

    /** Stores {@code values} and returns the reference to keep in JSON. */
    String putDoubles(double[] values);

    /** Stores {@code values} and returns the reference to keep in JSON. */
    String putInts(int[] values);

    /** The doubles stored under {@code reference}; {@link IllegalArgumentException} when there are none. */
    double[] doubles(String reference);

    /** The ints stored under {@code reference}; {@link IllegalArgumentException} when there are none. */
    int[] ints(String reference);
}
