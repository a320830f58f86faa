package dev.kiln.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A column of instants in epoch milliseconds, UTC; {@link #MISSING} marks a missing value. Immutable. */
public final class TimestampColumn implements Column {
    /** The stored value of a missing instant. */
    public static final long MISSING = Long.MIN_VALUE;

    private final String name;
    private final long[] epochMillis;

    private TimestampColumn(String name, long[] epochMillis) {
        this.name = Objects.requireNonNull(name, "name");
        this.epochMillis = epochMillis;
    }

    public static TimestampColumn of(String name, long[] epochMillis) {
        return new TimestampColumn(name, epochMillis.clone());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.TIMESTAMP;
    }

    @Override
    public int size() {
        return epochMillis.length;
    }

    /** Epoch milliseconds at {@code row}, or {@link #MISSING}. */
    public long get(int row) {
        return epochMillis[row];
    }

    @Override
    public boolean isMissing(int row) {
        return epochMillis[row] == MISSING;
    }

    @Override
    public String format(int row) {
        long v = epochMillis[row];
        return v == MISSING ? null : Instant.ofEpochMilli(v).toString();
    }

    @Override
    public TimestampColumn rename(String newName) {
        return new TimestampColumn(newName, epochMillis);
    }

    @Override
    public TimestampColumn take(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = epochMillis[rows[i]];
        }
        return new TimestampColumn(name, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampColumn other && name.equals(other.name) && Arrays.equals(epochMillis, other.epochMillis);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(epochMillis);
    }

    @Override
    public String toString() {
        return "TimestampColumn[" + name + ", " + epochMillis.length + " rows]";
    }
}
