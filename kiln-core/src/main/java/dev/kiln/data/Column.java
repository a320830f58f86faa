package dev.kiln.data;

/**
 * One named, immutable column of a {@link Frame}. Each kind has its own storage; callers switch on
 * the sealed subtypes instead of asking for boxed values.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, TextColumn, TimestampColumn {

    String name();

    ColumnKind kind();

    int size();

    boolean isMissing(int row);

    /** The value at {@code row} as text, as it would be written to CSV; null when missing. */
    String format(int row);

    /** A column with the same values under another name. */
    Column rename(String newName);

    /** The rows at {@code rows}, in that order (rows may repeat). */
    Column take(int[] rows);

    /** Number of missing values. */
    default int missingCount() {
        int missing = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                missing++;
            }
        }
        return missing;
    }
}
