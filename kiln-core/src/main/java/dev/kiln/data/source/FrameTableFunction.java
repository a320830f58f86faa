package dev.kiln.data.source;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
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

/**
 * A frame as a DuckDB table function, so that DuckDB reads it vector by vector (2048 rows per call, one column
 * at a time, filled by {@link VectorFiller}) instead of value by value through the appender: numeric as DOUBLE
 * (NaN as NULL), categorical and text as VARCHAR, boolean as BOOLEAN, timestamp as BIGINT microseconds that
 * {@link #selectList} turns into TIMESTAMP. One thread, so rows keep their order.
 */
final class FrameTableFunction implements DuckDBTableFunction<Frame, AtomicInteger, Object> {
    /** The frame the next statement binds to: set before each statement, read when DuckDB binds it. */
    private volatile Frame frame;
    private final VectorFiller filler = new VectorFiller();

    private FrameTableFunction() {
    }

    /**
     * Registers a table function {@code name()} on {@code connection} whose frame is set before each statement
     * ({@link #use}), so that one connection writes many frames without registering a function per frame.
     */
    static FrameTableFunction register(DuckDBConnection connection, String name) throws SQLException {
        FrameTableFunction function = new FrameTableFunction();
        try (var builder = DuckDBFunctions.tableFunction()) {
            builder.withName(name).withFunction(function).register(connection);
        }
        return function;
    }

    /** The frame the next statement that calls this function reads. */
    void use(Frame next) {
        this.frame = next;
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
        Frame frame = this.frame;
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
        Frame frame = info.getBindData();
        int from = next.get();
        int n = (int) Math.min(output.capacity(), frame.rowCount() - from);
        List<Column> columns = frame.columns();
        for (int j = 0; j < columns.size(); j++) {
            filler.fill(columns.get(j), output.vector(j), from, n);
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
}
