package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.ColumnParser;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Schema;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JDBC result set into a {@link Frame}, column-wise into primitive arrays. SQL numbers become numeric
 * columns, booleans boolean, dates and timestamps timestamp (a timestamp without zone is read as UTC), and other
 * types text that is typed as the CSV reader would (a forced kind, else the inferred one). With an expected
 * {@link Schema} every column takes its kind and categorical levels from it, exactly.
 */
final class ResultSetFrames {
    private ResultSetFrames() {
    }

    /** Every row of {@code rows}; {@code expected} may be null, {@code kinds} forces kinds of text columns. */
    static Frame read(ResultSet rows, Schema expected, Map<String, ColumnKind> kinds, String source) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int width = meta.getColumnCount();
        Buffer[] buffers = new Buffer[width];
        for (int j = 0; j < width; j++) {
            String name = meta.getColumnLabel(j + 1);
            Field field = expected == null ? null : expected.field(name).orElseThrow(
                    () -> new InvalidDataException(source + ": unexpected column '" + name + "'"));
            buffers[j] = buffer(name, meta.getColumnType(j + 1), field);
        }
        int count = 0;
        while (rows.next()) {
            for (int j = 0; j < width; j++) {
                buffers[j].add(rows, j + 1, count);
            }
            count++;
        }
        List<Column> columns = new ArrayList<>(width);
        for (Buffer buffer : buffers) {
            columns.add(buffer.column(count, kinds, source));
        }
        return Frame.of(columns);
    }

    private static Buffer buffer(String name, int sqlType, Field field) {
        if (field != null) {
            return switch (field.kind()) {
                case NUMERIC -> new Doubles(name);
                case BOOLEAN -> new Booleans(name);
                case TIMESTAMP -> new Times(name, Types.BIGINT);
                case CATEGORICAL -> new Labels(name, field.levels());
                case TEXT -> new Texts(name, ColumnKind.TEXT);
            };
        }
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL, Types.NUMERIC -> new Doubles(name);
            case Types.BOOLEAN, Types.BIT -> new Booleans(name);
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> new Times(name, sqlType);
            default -> new Texts(name, null);
        };
    }

    /** One column's values as they arrive. */
    private abstract static class Buffer {
        final String name;

        Buffer(String name) {
            this.name = name;
        }

        abstract void add(ResultSet rows, int column, int row) throws SQLException;

        abstract Column column(int rows, Map<String, ColumnKind> kinds, String source);

        static int grow(int length, int row) {
            return row < length ? length : Math.max(1024, length * 2);
        }
    }

    private static final class Doubles extends Buffer {
        private double[] values = new double[1024];

        Doubles(String name) {
            super(name);
        }

        @Override
        void add(ResultSet rows, int column, int row) throws SQLException {
            values = row < values.length ? values : Arrays.copyOf(values, grow(values.length, row));
            double v = rows.getDouble(column);
            values[row] = rows.wasNull() ? Double.NaN : v;
        }

        @Override
        Column column(int rows, Map<String, ColumnKind> kinds, String source) {
            return NumericColumn.wrap(name, rows == values.length ? values : Arrays.copyOf(values, rows));
        }
    }

    private static final class Booleans extends Buffer {
        private int[] codes = new int[1024];

        Booleans(String name) {
            super(name);
        }

        @Override
        void add(ResultSet rows, int column, int row) throws SQLException {
            codes = row < codes.length ? codes : Arrays.copyOf(codes, grow(codes.length, row));
            boolean v = rows.getBoolean(column);
            codes[row] = rows.wasNull() ? CategoricalColumn.MISSING : v ? 1 : 0;
        }

        @Override
        Column column(int rows, Map<String, ColumnKind> kinds, String source) {
            return CategoricalColumn.ofBooleans(name, Arrays.copyOf(codes, rows));
        }
    }

    private static final class Times extends Buffer {
        private final int sqlType;
        private long[] millis = new long[1024];

        Times(String name, int sqlType) {
            super(name);
            this.sqlType = sqlType;
        }

        @Override
        void add(ResultSet rows, int column, int row) throws SQLException {
            millis = row < millis.length ? millis : Arrays.copyOf(millis, grow(millis.length, row));
            millis[row] = switch (sqlType) {
                case Types.BIGINT -> {
                    long v = rows.getLong(column);
                    yield rows.wasNull() ? TimestampColumn.MISSING : v;
                }
                case Types.DATE -> {
                    LocalDate d = rows.getObject(column, LocalDate.class);
                    yield d == null ? TimestampColumn.MISSING : d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                case Types.TIMESTAMP_WITH_TIMEZONE -> {
                    OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
                    yield t == null ? TimestampColumn.MISSING : t.toInstant().toEpochMilli();
                }
                default -> {
                    LocalDateTime t = rows.getObject(column, LocalDateTime.class);
                    yield t == null ? TimestampColumn.MISSING : t.toInstant(ZoneOffset.UTC).toEpochMilli();
                }
            };
        }

        @Override
        Column column(int rows, Map<String, ColumnKind> kinds, String source) {
            return TimestampColumn.of(name, Arrays.copyOf(millis, rows));
        }
    }

    /** Labels of a categorical column whose levels are known: codes by dictionary look-up. */
    private static final class Labels extends Buffer {
        private final List<String> levels;
        private final Map<String, Integer> codeOf = new HashMap<>();
        private int[] codes = new int[1024];

        Labels(String name, List<String> levels) {
            super(name);
            this.levels = levels;
            for (int k = 0; k < levels.size(); k++) {
                codeOf.put(levels.get(k), k);
            }
        }

        @Override
        void add(ResultSet rows, int column, int row) throws SQLException {
            codes = row < codes.length ? codes : Arrays.copyOf(codes, grow(codes.length, row));
            String label = rows.getString(column);
            Integer code = label == null ? Integer.valueOf(CategoricalColumn.MISSING) : codeOf.get(label);
            if (code == null) {
                throw new InvalidDataException("column '" + name + "': label '" + label + "' is not one of its levels");
            }
            codes[row] = code;
        }

        @Override
        Column column(int rows, Map<String, ColumnKind> kinds, String source) {
            return CategoricalColumn.of(name, Arrays.copyOf(codes, rows), levels);
        }
    }

    /** Text values, typed at the end as the CSV reader would type them unless the kind is fixed. */
    private static final class Texts extends Buffer {
        private final ColumnKind fixed;
        private String[] values = new String[1024];

        Texts(String name, ColumnKind fixed) {
            super(name);
            this.fixed = fixed;
        }

        @Override
        void add(ResultSet rows, int column, int row) throws SQLException {
            values = row < values.length ? values : Arrays.copyOf(values, grow(values.length, row));
            values[row] = rows.getString(column);
        }

        @Override
        Column column(int rows, Map<String, ColumnKind> kinds, String source) {
            String[] text = Arrays.copyOf(values, rows);
            if (fixed == ColumnKind.TEXT) {
                return TextColumn.of(name, text);
            }
            ColumnKind kind = kinds.get(name);
            return ColumnParser.parse(name, text, kind != null ? kind : ColumnParser.infer(text), i -> source + ": row " + (i + 1));
        }
    }
}
