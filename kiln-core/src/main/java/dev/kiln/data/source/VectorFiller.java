package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBWritableVector;

/**
 * Fills DuckDB output vectors from frame columns, in bulk where it can: the write-side twin of
 * {@link ParquetVectors}, used by the table functions that feed DuckDB's Parquet writer. The driver's
 * {@code setDouble(i, v)} and {@code setString(i, s)} check bounds and type, take a lock to mark the row valid and
 * (for text) encode UTF-8, per value: most of the Java time of writing a Parquet file of logged predictions went
 * there. Here a numeric column's rows are gathered into a scratch array and put into the vector's value buffer in
 * one copy, and its validity mask (all rows invalid in a fresh output vector) is written 64 rows a word; a
 * categorical column's labels are encoded once per level and handed over as one batch of UTF-8 strings; text goes
 * as one batch of strings. The value and validity buffers are private fields of the driver: if a driver version
 * names them otherwise, or a vector's type or size is not the expected one, values go through the per-value
 * setters, with the same result. Not thread-safe: one per table function (DuckDB calls it from one thread).
 */
final class VectorFiller {
    private static final Field DATA = ParquetVectors.bufferField(DuckDBWritableVector.class, "data");
    private static final Field VALIDITY = ParquetVectors.bufferField(DuckDBWritableVector.class, "validity");

    private double[] doubles = new double[0];
    private byte[][] utf8 = new byte[0][];
    private String[] strings = new String[0];
    /** The UTF-8 bytes of each level list seen (by identity: a column's levels are one immutable list). */
    private final Map<List<String>, byte[][]> levelBytes = new IdentityHashMap<>();

    /** Whether numeric vectors are filled in bulk (the driver's buffer was found); otherwise value by value. */
    static boolean bulk() {
        return DATA != null && VALIDITY != null;
    }

    /**
     * Rows {@code [from, from + n)} of {@code column} into rows {@code [0, n)} of {@code vector} (fresh from the
     * driver), missing values as NULL, typed as {@link FrameTableFunction#duckType} says.
     */
    void fill(Column column, DuckDBWritableVector vector, int from, int n) {
        if (column instanceof NumericColumn c) {
            doubles(c, vector, from, n);
        } else if (column instanceof CategoricalColumn c && c.kind() == ColumnKind.BOOLEAN) {
            for (int i = 0; i < n; i++) {
                int code = c.code(from + i);
                if (code == CategoricalColumn.MISSING) {
                    vector.setNull(i);
                } else {
                    vector.setBoolean(i, code == 1);
                }
            }
        } else if (column instanceof TimestampColumn c) {
            for (int i = 0; i < n; i++) {
                long millis = c.get(from + i);
                if (millis == TimestampColumn.MISSING) {
                    vector.setNull(i);
                } else {
                    vector.setLong(i, Math.multiplyExact(millis, 1000L));
                }
            }
        } else if (column instanceof CategoricalColumn c) {
            if (levelBytes.size() > 256) {
                levelBytes.clear(); // columns of many level lists: keep the cache bounded
            }
            byte[][] labels = levelBytes.computeIfAbsent(c.levels(), VectorFiller::encode);
            byte[][] out = utf8(n);
            for (int i = 0; i < n; i++) {
                int code = c.code(from + i);
                out[i] = code == CategoricalColumn.MISSING ? null : labels[code];
            }
            vector.setStringUtf8Batch(0, out);
        } else {
            String[] out = strings(n);
            for (int i = 0; i < n; i++) {
                out[i] = column instanceof TextColumn t ? t.get(from + i) : column.format(from + i);
            }
            vector.setStrings(0, out);
        }
    }

    private void doubles(NumericColumn column, DuckDBWritableVector vector, int from, int n) {
        ByteBuffer data = buffer(DATA, vector, n, (long) n * Double.BYTES);
        ByteBuffer validity = buffer(VALIDITY, vector, n, (n + 63L) / 64 * Long.BYTES);
        if (data == null || validity == null) {
            for (int i = 0; i < n; i++) {
                double v = column.get(from + i);
                if (Double.isNaN(v)) {
                    vector.setNull(i);
                } else {
                    vector.setDouble(i, v);
                }
            }
            return;
        }
        if (doubles.length < n) {
            doubles = new double[n];
        }
        double[] values = doubles;
        for (int word = 0; word * 64 < n; word++) {
            long valid = 0;
            for (int i = word * 64, end = Math.min(n, i + 64); i < end; i++) {
                double v = column.get(from + i);
                values[i] = v;
                valid |= (v == v ? 1L : 0L) << (i & 63);
            }
            validity.putLong(word * Long.BYTES, valid);
        }
        data.asDoubleBuffer().put(0, values, 0, n);
    }

    /** A scratch array of exactly {@code n} slots: the batch setters take a whole array. */
    private byte[][] utf8(int n) {
        if (utf8.length != n) {
            utf8 = new byte[n][];
        }
        return utf8;
    }

    private String[] strings(int n) {
        if (strings.length != n) {
            strings = new String[n];
        }
        return strings;
    }

    private static byte[][] encode(List<String> levels) {
        byte[][] out = new byte[levels.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = levels.get(k).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** A buffer of a fresh DOUBLE vector in native order, if it holds {@code bytes}; null to fill value by value. */
    private static ByteBuffer buffer(Field field, DuckDBWritableVector vector, int n, long bytes) {
        if (!bulk() || vector.getType() != DuckDBColumnType.DOUBLE || vector.rowCount() < n) {
            return null;
        }
        ByteBuffer buffer;
        try {
            buffer = (ByteBuffer) field.get(vector);
        } catch (IllegalAccessException e) {
            return null;
        }
        return buffer != null && buffer.capacity() >= bytes ? buffer.duplicate().order(ByteOrder.nativeOrder()) : null;
    }
}
