package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.ColumnParser;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.LabelColumns;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Schema;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;

/**
 * Reads Parquet files into a frame column by column through DuckDB's chunked results: each 2048-row vector is
 * copied into primitive arrays, with no per-value JDBC call. Every column arrives as one SQL type chosen in the
 * query: numbers as DOUBLE, booleans as BOOLEAN, dates and timestamps as epoch milliseconds, and labels as the
 * integer codes of an ENUM of their levels (the schema's levels, or the distinct values in order of first
 * appearance when there is no schema and they are few), so that no String is made per value; only free text
 * comes through as strings. Rows keep the files' order.
 */
final class ParquetColumns {
    /** Above this many distinct values a label column without a schema is read as strings. */
    private static final int MAX_ENUM_LEVELS = 20_000;

    private enum Transfer { DOUBLE, BOOLEAN, MILLIS, CODES, STRINGS }

    private ParquetColumns() {
    }

    /** The frame of {@code from} (a {@code read_parquet(...)} expression); see {@link ParquetFiles#read}. */
    static Frame read(DuckDBConnection connection, String from, Schema expected, Map<String, ColumnKind> kinds,
                      String source) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + from)) {
            while (described.next()) {
                names.add(described.getString(1));
                types.add(described.getString(2));
            }
        }
        int width = names.size();
        Transfer[] transfers = new Transfer[width];
        List<List<String>> levels = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            String name = names.get(j);
            Field field = expected == null ? null : expected.field(name).orElseThrow(
                    () -> new InvalidDataException(source + ": unexpected column '" + name + "'"));
            String column = DuckDb.identifier(name);
            String type = types.get(j);
            List<String> known = field != null && field.kind() == ColumnKind.CATEGORICAL ? field.levels() : null;
            if (field == null && type.equals("VARCHAR") && kinds.get(name) != ColumnKind.TEXT) {
                known = distinctInOrder(connection, from, column);
            }
            levels.add(known);
            transfers[j] = transfer(type, field, known);
            select.add(expression(transfers[j], column, type, known) + " AS " + column);
        }
        Object[] buffers = new Object[width];
        int rows = 0;
        try (DuckDBPreparedStatement statement = (DuckDBPreparedStatement) connection.prepareStatement(
                "SELECT " + String.join(", ", select) + " FROM " + from);
             DuckDBChunkedResult result = statement.query()) {
            int capacity = 1 << 16;
            for (int j = 0; j < width; j++) {
                buffers[j] = allocate(transfers[j], capacity);
            }
            while (result.nextChunk()) {
                DuckDBDataChunkReader chunk = result.chunk();
                int n = (int) chunk.rowCount();
                if (rows + n > capacity) {
                    capacity = Math.max(rows + n, capacity * 2);
                    for (int j = 0; j < width; j++) {
                        buffers[j] = grow(buffers[j], capacity);
                    }
                }
                for (int j = 0; j < width; j++) {
                    copy(transfers[j], chunk.vector(j), n, buffers[j], rows);
                }
                rows += n;
            }
        }
        List<Column> columns = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            Field field = expected == null ? null : expected.field(names.get(j)).orElseThrow();
            columns.add(column(names.get(j), transfers[j], buffers[j], rows, levels.get(j), field, kinds, source));
            buffers[j] = null;
        }
        return Frame.of(columns);
    }

    private static Transfer transfer(String type, Field field, List<String> levels) {
        if (field != null) {
            return switch (field.kind()) {
                case NUMERIC -> Transfer.DOUBLE;
                case BOOLEAN -> Transfer.BOOLEAN;
                case TIMESTAMP -> Transfer.MILLIS;
                case CATEGORICAL -> Transfer.CODES;
                case TEXT -> Transfer.STRINGS;
            };
        }
        if (type.equals("BOOLEAN")) {
            return Transfer.BOOLEAN;
        }
        if (type.equals("DATE") || type.startsWith("TIMESTAMP")) {
            return Transfer.MILLIS;
        }
        if (type.equals("VARCHAR")) {
            return levels != null ? Transfer.CODES : Transfer.STRINGS;
        }
        return numericType(type) ? Transfer.DOUBLE : Transfer.STRINGS;
    }

    private static boolean numericType(String type) {
        return type.matches("(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT))|FLOAT|DOUBLE|DECIMAL.*");
    }

    private static String expression(Transfer transfer, String column, String type, List<String> levels) {
        return switch (transfer) {
            case DOUBLE -> "CAST(" + column + " AS DOUBLE)";
            case BOOLEAN -> "CAST(" + column + " AS BOOLEAN)";
            case MILLIS -> type.equals("DATE") ? "epoch_ms(CAST(" + column + " AS TIMESTAMP))" : "epoch_ms(" + column + ")";
            case CODES -> levels.isEmpty() ? "CAST(NULL AS INTEGER)"
                    : "CAST(enum_code(CAST(" + column + " AS " + enumType(levels) + ")) AS INTEGER)";
            case STRINGS -> "CAST(" + column + " AS VARCHAR)";
        };
    }

    private static String enumType(List<String> levels) {
        List<String> literals = new ArrayList<>(levels.size());
        for (String level : levels) {
            literals.add(DuckDb.literal(level));
        }
        return "ENUM(" + String.join(", ", literals) + ")";
    }

    /** The distinct values of a text column in order of first appearance, or null when there are too many. */
    private static List<String> distinctInOrder(DuckDBConnection connection, String from, String column) throws SQLException {
        String query = "SELECT v FROM (SELECT " + column + " AS v, min(r) AS first FROM (SELECT " + column
                + ", row_number() OVER () AS r FROM " + from + ") WHERE " + column + " IS NOT NULL GROUP BY " + column
                + ") ORDER BY first LIMIT " + (MAX_ENUM_LEVELS + 1);
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out.size() > MAX_ENUM_LEVELS ? null : out;
    }

    private static Object allocate(Transfer transfer, int capacity) {
        return switch (transfer) {
            case DOUBLE -> new double[capacity];
            case MILLIS -> new long[capacity];
            case BOOLEAN, CODES -> new int[capacity];
            case STRINGS -> new String[capacity];
        };
    }

    private static Object grow(Object buffer, int capacity) {
        if (buffer instanceof double[] d) {
            return Arrays.copyOf(d, capacity);
        }
        if (buffer instanceof long[] l) {
            return Arrays.copyOf(l, capacity);
        }
        if (buffer instanceof int[] i) {
            return Arrays.copyOf(i, capacity);
        }
        return Arrays.copyOf((String[]) buffer, capacity);
    }

    private static void copy(Transfer transfer, DuckDBReadableVector vector, int n, Object buffer, int at) {
        switch (transfer) {
            case DOUBLE -> {
                double[] out = (double[]) buffer;
                for (int i = 0; i < n; i++) {
                    out[at + i] = vector.getDouble(i, Double.NaN);
                }
            }
            case MILLIS -> {
                long[] out = (long[]) buffer;
                for (int i = 0; i < n; i++) {
                    out[at + i] = vector.getLong(i, TimestampColumn.MISSING);
                }
            }
            case BOOLEAN -> {
                int[] out = (int[]) buffer;
                for (int i = 0; i < n; i++) {
                    out[at + i] = vector.isNull(i) ? CategoricalColumn.MISSING : vector.getBoolean(i) ? 1 : 0;
                }
            }
            case CODES -> {
                int[] out = (int[]) buffer;
                for (int i = 0; i < n; i++) {
                    out[at + i] = vector.getInt(i, CategoricalColumn.MISSING);
                }
            }
            case STRINGS -> {
                String[] out = (String[]) buffer;
                for (int i = 0; i < n; i++) {
                    out[at + i] = vector.isNull(i) ? null : vector.getString(i);
                }
            }
        }
    }

    private static Column column(String name, Transfer transfer, Object buffer, int rows, List<String> levels,
                                 Field field, Map<String, ColumnKind> kinds, String source) {
        IntFunction<String> where = i -> source + ": row " + (i + 1);
        return switch (transfer) {
            case DOUBLE -> NumericColumn.wrap(name, Arrays.copyOf((double[]) buffer, rows));
            case MILLIS -> TimestampColumn.of(name, Arrays.copyOf((long[]) buffer, rows));
            case BOOLEAN -> CategoricalColumn.ofBooleans(name, Arrays.copyOf((int[]) buffer, rows));
            case CODES -> field != null ? CategoricalColumn.of(name, Arrays.copyOf((int[]) buffer, rows), levels)
                    : LabelColumns.column(name, Arrays.copyOf((int[]) buffer, rows), levels, kinds.get(name), where);
            case STRINGS -> {
                String[] text = Arrays.copyOf((String[]) buffer, rows);
                if (field != null) {
                    yield TextColumn.of(name, text);
                }
                ColumnKind kind = kinds.get(name);
                yield ColumnParser.parse(name, text, kind != null ? kind : ColumnParser.infer(text), where);
            }
        };
    }
}
