package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * A frame as a DuckDB table function, so that DuckDB reads it vector by vector (2048 rows per call, one column
 * at a time) instead of value by value through the appender: numeric as DOUBLE (NaN as NULL), categorical and
 * text as VARCHAR, boolean as BOOLEAN, timestamp as BIGINT microseconds that {@link #selectList} turns into
 * TIMESTAMP. One thread, so rows keep their order.
 */
final class FrameTableFunction implements DuckDBTableFunction<Frame, AtomicInteger, Object> {
    private final Frame frame;

    private FrameTableFunction(Frame frame) {
        this.frame = frame;
    }

    /** Registers {@code frame} on {@code connection} as the table function {@code name()}. */
    static void register(DuckDBConnection connection, String name, Frame frame) throws SQLException {
        try (var builder = DuckDBFunctions.tableFunction()) {
            builder.withName(name).withFunction(new FrameTableFunction(frame)).register(connection);
        }
    }

    /** The columns of {@code frame} as selected from the function, timestamps made TIMESTAMP. */
    static String selectList(Frame frame) {
        List<String> out = new java.util.ArrayList<>();
        for (Column column : frame.columns()) {
            String name = DuckDb.identifier(column.name());
            out.add(column.kind() == ColumnKind.TIMESTAMP ? "make_timestamp(" + name + ") AS " + name : name);
        }
        return String.join(", ", out);
    }

    @Override
    public Frame bind(DuckDBTableFunctionBindInfo info) {
        for (Column column : frame.columns()) {
            info.addResultColumn(column.name(), duckType(column));
        }
        info.setCardinality(frame.rowCount(), true);
        return frame;
    }

    @Override
    public AtomicInteger init(DuckDBTableFunctionInitInfo info) {
        info.setMaxThreads(1);
        return new AtomicInteger();
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter output) {
        AtomicInteger next = info.getInitData();
        int from = next.get();
        int n = (int) Math.min(output.capacity(), frame.rowCount() - from);
        List<Column> columns = frame.columns();
        for (int j = 0; j < columns.size(); j++) {
            fill(columns.get(j), output.vector(j), from, n);
        }
        next.set(from + n);
        return n;
    }

    /** The type a column is handed to DuckDB as. */
    static DuckDBColumnType duckType(Column column) {
        return switch (column.kind()) {
            case NUMERIC -> DuckDBColumnType.DOUBLE;
            case BOOLEAN -> DuckDBColumnType.BOOLEAN;
            case TIMESTAMP -> DuckDBColumnType.BIGINT; // microseconds: see selectList
            case CATEGORICAL, TEXT -> DuckDBColumnType.VARCHAR;
        };
    }

    /** Rows {@code [from, from + n)} of {@code column} into {@code vector}, missing values as NULL. */
    static void fill(Column column, DuckDBWritableVector vector, int from, int n) {
        if (column instanceof NumericColumn c) {
            for (int i = 0; i < n; i++) {
                double v = c.get(from + i);
                if (Double.isNaN(v)) {
                    vector.setNull(i);
                } else {
                    vector.setDouble(i, v);
                }
            }
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
        } else {
            for (int i = 0; i < n; i++) {
                String text = column instanceof TextColumn t ? t.get(from + i) : ((CategoricalColumn) column).label(from + i);
                if (text == null) {
                    vector.setNull(i);
                } else {
                    vector.setString(i, text);
                }
            }
        }
    }
}
