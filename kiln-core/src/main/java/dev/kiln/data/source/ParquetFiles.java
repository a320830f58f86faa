package dev.kiln.data.source;

import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.Schema;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Frames as Parquet files, through DuckDB: the storage format of dataset snapshots. Numeric columns are DOUBLE,
 * categorical and text VARCHAR, boolean BOOLEAN, timestamp TIMESTAMP (microseconds in the file, whole
 * milliseconds in the frame); rows keep their order. Reading back with the frame's {@link Schema} restores
 * every column kind and categorical dictionary exactly, so {@code read(write(f), f.schema()).equals(f)}.
 */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /** Writes {@code frame} to {@code file} (zstd-compressed), replacing it. */
    public static void write(Frame frame, Path file) {
        try (DuckDBConnection connection = DuckDb.open(); Statement statement = connection.createStatement()) {
            DuckDb.load(connection, "frame", frame);
            statement.execute("COPY frame TO " + DuckDb.literal(file.toAbsolutePath().toString())
                    + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new SourceException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code file} (or a glob of files with one schema) into a frame. With {@code expected} the columns must
     * be those of the schema and take its kinds and levels; without, kinds follow the Parquet types and text is
     * typed as the CSV reader would.
     */
    public static Frame read(Path file, Schema expected) {
        return read(file.toAbsolutePath().toString(), expected, Map.of(), "parquet " + file);
    }

    static Frame read(String pattern, Schema expected, Map<String, dev.kiln.data.ColumnKind> kinds, String source) {
        String select = "*";
        if (expected != null) {
            List<String> columns = new ArrayList<>();
            for (Field field : expected.fields()) {
                String name = DuckDb.identifier(field.name());
                columns.add(field.kind() == dev.kiln.data.ColumnKind.TIMESTAMP ? "epoch_ms(" + name + ") AS " + name : name);
            }
            select = String.join(", ", columns);
        }
        try (DuckDBConnection connection = DuckDb.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + select + " FROM read_parquet(" + DuckDb.literal(pattern) + ")")) {
            return ResultSetFrames.read(rows, expected, kinds, source);
        } catch (SQLException e) {
            throw new InvalidDataException(source + ": " + SourceException.oneLine(e.getMessage()), e);
        }
    }
}
