package dev.kiln.data.source;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBReadableVector;

/**
 * Copies whole DuckDB result vectors into Java arrays for {@link ParquetColumns}. DuckDB JDBC reads a vector one
 * value at a time ({@code getDouble(i)} checks the type, the bounds and the validity mask per value); a frame of
 * a million rows and thirty columns spends most of its Java time there. The vector's values and validity mask are
 * already {@link ByteBuffer}s over DuckDB's memory inside {@link DuckDBReadableVector}, so when they can be
 * reached they are copied in bulk (one memory copy per vector, then the missing values patched from the mask, 64
 * rows a word). They are private fields of the driver: if a driver version names them otherwise, or a vector's
 * type or size is not the expected one, the copy falls back to the driver's per-value accessors, with the same
 * result. Stateless and thread-safe.
 */
final class ParquetVectors {
    private static final Field DATA = bufferField(DuckDBReadableVector.class, "data");
    private static final Field VALIDITY = bufferField(DuckDBReadableVector.class, "validity");

    private ParquetVectors() {
    }

    /** Whether vectors are copied in bulk (the driver's buffers were found); otherwise value by value. */
    static boolean bulk() {
        return DATA != null && VALIDITY != null;
    }

    /** Copies the {@code n} values of a DOUBLE vector to {@code out} from {@code at}, NULL as NaN. */
    static void doubles(DuckDBReadableVector vector, int n, double[] out, int at) {
        ByteBuffer data = data(vector, DuckDBColumnType.DOUBLE, n, Double.BYTES);
        if (data == null) {
            for (int i = 0; i < n; i++) {
                out[at + i] = vector.getDouble(i, Double.NaN);
            }
            return;
        }
        data.asDoubleBuffer().get(0, out, at, n);
        ByteBuffer validity = validity(vector);
        for (int word = 0; validity != null && word * 64 < n; word++) {
            long missing = missing(validity, word, n);
            for (; missing != 0; missing &= missing - 1) {
                out[at + word * 64 + Long.numberOfTrailingZeros(missing)] = Double.NaN;
            }
        }
    }

    /** Copies the {@code n} values of a BIGINT vector to {@code out} from {@code at}, NULL as {@code absent}. */
    static void longs(DuckDBReadableVector vector, int n, long[] out, int at, long absent) {
        ByteBuffer data = data(vector, DuckDBColumnType.BIGINT, n, Long.BYTES);
        if (data == null) {
            for (int i = 0; i < n; i++) {
                out[at + i] = vector.getLong(i, absent);
            }
            return;
        }
        data.asLongBuffer().get(0, out, at, n);
        ByteBuffer validity = validity(vector);
        for (int word = 0; validity != null && word * 64 < n; word++) {
            long missing = missing(validity, word, n);
            for (; missing != 0; missing &= missing - 1) {
                out[at + word * 64 + Long.numberOfTrailingZeros(missing)] = absent;
            }
        }
    }

    /** Copies the {@code n} values of an INTEGER vector to {@code out} from {@code at}, NULL as {@code absent}. */
    static void ints(DuckDBReadableVector vector, int n, int[] out, int at, int absent) {
        ByteBuffer data = data(vector, DuckDBColumnType.INTEGER, n, Integer.BYTES);
        if (data == null) {
            for (int i = 0; i < n; i++) {
                out[at + i] = vector.getInt(i, absent);
            }
            return;
        }
        data.asIntBuffer().get(0, out, at, n);
        ByteBuffer validity = validity(vector);
        for (int word = 0; validity != null && word * 64 < n; word++) {
            long missing = missing(validity, word, n);
            for (; missing != 0; missing &= missing - 1) {
                out[at + word * 64 + Long.numberOfTrailingZeros(missing)] = absent;
            }
        }
    }

    /** Copies the {@code n} values of a BOOLEAN vector to {@code out} from {@code at} as 0 and 1, NULL as {@code absent}. */
    static void booleans(DuckDBReadableVector vector, int n, int[] out, int at, int absent) {
        ByteBuffer data = data(vector, DuckDBColumnType.BOOLEAN, n, 1);
        if (data == null) {
            for (int i = 0; i < n; i++) {
                out[at + i] = vector.isNull(i) ? absent : vector.getBoolean(i) ? 1 : 0;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[at + i] = data.get(i) != 0 ? 1 : 0;
        }
        ByteBuffer validity = validity(vector);
        for (int word = 0; validity != null && word * 64 < n; word++) {
            long missing = missing(validity, word, n);
            for (; missing != 0; missing &= missing - 1) {
                out[at + word * 64 + Long.numberOfTrailingZeros(missing)] = absent;
            }
        }
    }

    /** The vector's values in native order, or null to copy value by value. */
    private static ByteBuffer data(DuckDBReadableVector vector, DuckDBColumnType type, int n, int width) {
        if (!bulk() || vector.getType() != type || vector.rowCount() < n) {
            return null;
        }
        ByteBuffer data = (ByteBuffer) read(DATA, vector);
        return data != null && data.capacity() >= (long) n * width ? data.duplicate().order(ByteOrder.nativeOrder()) : null;
    }

    /** The vector's validity mask (bit {@code i} set when row {@code i} has a value) in native order, or null when all rows do. */
    private static ByteBuffer validity(DuckDBReadableVector vector) {
        ByteBuffer validity = (ByteBuffer) read(VALIDITY, vector);
        return validity == null ? null : validity.duplicate().order(ByteOrder.nativeOrder());
    }

    /** The rows of 64-row word {@code word} of the mask that have no value, as set bits, up to row {@code n}. */
    private static long missing(ByteBuffer validity, int word, int n) {
        long missing = ~validity.getLong(word * Long.BYTES);
        int rows = n - word * 64;
        return rows >= 64 ? missing : missing & ((1L << rows) - 1);
    }

    private static Object read(Field field, DuckDBReadableVector vector) {
        try {
            return field.get(vector);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("DuckDB vector buffer became inaccessible", e);
        }
    }

    /**
     * The ByteBuffer field {@code name} of DuckDB's vector class {@code owner}, made accessible; null when this driver
     * has no such field or does not let us reach it (then callers copy value by value). Shared with {@link VectorFiller}.
     */
    static Field bufferField(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            if (field.getType() != ByteBuffer.class) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another driver version, or a module that does not open the package: copy value by value
        }
    }
}
