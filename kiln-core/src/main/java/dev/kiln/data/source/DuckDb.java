package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The embedded DuckDB engine: in-memory connections, frames loaded into tables through the appender, and the
 * quoting of names and literals for SQL that DuckDB cannot take as parameters (file paths in {@code COPY}).
 */
final class DuckDb {
    /** The connection that keeps the process's file-reading database open; see {@link #reader()}. */
    private static DuckDBConnection readerRoot;

    private DuckDb() {
    }

    /**
     * A new connection to the process's database for reading files (Parquet), closed by the caller while the
     * database stays open. One database serves every read because a fresh DuckDB instance takes its working memory
     * from the operating system again (a Parquet scan of 200 MB costs as many page faults, a fifth of the read) and
     * gives it back when it closes. It runs each query on one thread ({@code threads = 1}): the readers parallelise
     * across row groups themselves, each worker on its own connection, and a setting shared by every connection
     * must not change under a concurrent read. It keeps no copy of the files it reads ({@code
     * enable_external_file_cache = false}); what it does keep is its allocator's freed memory, about one read's
     * working set (some 200 MB of native memory after reading a 225 MB file, not growing over repeated reads),
     * which the next read reuses instead of faulting in again.
     */
    static synchronized DuckDBConnection reader() throws SQLException {
        if (readerRoot == null || readerRoot.isClosed()) {
            DuckDBConnection root = open();
            try (Statement statement = root.createStatement()) {
                statement.execute("SET threads = 1");
                statement.execute("SET enable_external_file_cache = false");
            } catch (SQLException e) {
                closeAfter(root, e);
                throw e;
            }
            readerRoot = root;
        }
        return (DuckDBConnection) readerRoot.duplicate();
    }

    /** A new in-memory database, closed with the connection. */
    static DuckDBConnection open() throws SQLException {
        // The driver directly, not through DriverManager: its service registration is not seen on every class path.
        return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    }

    /**
     * Creates table {@code table} holding {@code frame}: numeric as DOUBLE (NaN as NULL), categorical and text
     * as VARCHAR, boolean as BOOLEAN, timestamp as TIMESTAMP (UTC, millisecond precision).
     */
    static void load(DuckDBConnection connection, String table, Frame frame) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (Column column : frame.columns()) {
            definitions.add(identifier(column.name()) + " " + sqlType(column));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + identifier(table) + " (" + String.join(", ", definitions) + ")");
        }
        List<Column> columns = frame.columns();
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (int i = 0; i < frame.rowCount(); i++) {
                appender.beginRow();
                for (Column column : columns) {
                    append(appender, column, i);
                }
                appender.endRow();
            }
        }
    }

    private static String sqlType(Column column) {
        return switch (column.kind()) {
            case NUMERIC -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case CATEGORICAL, TEXT -> "VARCHAR";
        };
    }

    private static void append(DuckDBAppender appender, Column column, int row) throws SQLException {
        if (column.isMissing(row)) {
            appender.appendNull();
        } else if (column instanceof NumericColumn c) {
            appender.append(c.get(row));
        } else if (column instanceof CategoricalColumn c) {
            if (c.kind() == dev.kiln.data.ColumnKind.BOOLEAN) {
                appender.append(c.code(row) == 1);
            } else {
                appender.append(c.label(row));
            }
        } else if (column instanceof TimestampColumn c) {
            appender.appendEpochMicros(Math.multiplyExact(c.get(row), 1000L));
        } else if (column instanceof TextColumn c) {
            appender.append(c.get(row));
        }
    }

    /** {@code name} as a quoted SQL identifier. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code text} as a quoted SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Closes quietly after a failure, keeping the close failure with the first one. */
    static void closeAfter(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
