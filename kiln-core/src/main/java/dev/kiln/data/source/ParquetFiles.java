package dev.kiln.data.source;

import dev.kiln.data.CsvReader;
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
 * Frames as Parquet files, through DuckDB ({@link FrameTableFunction} to write, {@link ParquetColumns} to read,
 * both a vector at a time): the storage format of dataset snapshots. Numeric columns are DOUBLE,
 * categorical and text VARCHAR, boolean BOOLEAN, timestamp TIMESTAMP (microseconds in the file, whole
 * milliseconds in the frame); rows keep their order. Reading back with the frame's {@link Schema} restores
 * every column kind and categorical dictionary exactly, so {@code read(write(f), f.schema()).equals(f)}.
 */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /** Rows per row group written: the unit a read is split into across threads. */
    static final int ROW_GROUP_ROWS = 65_536;

    /**
     * Writes {@code frame} to {@code file} (Snappy-compressed, which reads back faster than zstd for a few percent
     * more bytes), replacing it. DuckDB pulls the frame vector by vector through a table function. Row groups hold
     * {@value #ROW_GROUP_ROWS} rows rather than DuckDB's 122,880: a million rows make 16 of them, which two or four
     * readers share evenly, and a reader's buffers stay smaller (a read of such a file takes about a tenth less
     * CPU on two threads). The file is plain Parquet either way.
     */
    public static void write(Frame frame, Path file) {
        try (Writer writer = writer(0, true)) {
            writer.write(frame, file);
        }
    }

    /**
     * A writer of many files that keeps one DuckDB database open between them (opening one costs about 40 ms of
     * CPU), with DuckDB's Parquet encoder on {@code threads} threads (0: DuckDB's default, one per core; one thread
     * takes the least CPU, about half as much as two here: the choice for writes in the background of a busy
     * process, such as the prediction log's segments). Without {@code dictionaries} every column is plain-encoded
     * (then Snappy-compressed): DuckDB otherwise tries a dictionary for every column, which for columns of mostly
     * distinct values (measured features, probabilities) costs about a third of the encoding CPU and saves nothing,
     * while repeated labels are still compressed.
     */
    public static Writer writer(int threads, boolean dictionaries) {
        try {
            return new Writer(threads, dictionaries);
        } catch (SQLException e) {
            throw new SourceException("cannot open DuckDB to write Parquet: " + e.getMessage(), e);
        }
    }

    /** Writes frames to Parquet files as {@link ParquetFiles#write(Frame, Path)} does, one at a time; thread-safe. */
    public static final class Writer implements AutoCloseable {
        private final DuckDBConnection connection;
        private final FrameTableFunction function;
        private final String options;

        private Writer(int threads, boolean dictionaries) throws SQLException {
            options = "FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE " + ROW_GROUP_ROWS
                    + (dictionaries ? "" : ", DICTIONARY_SIZE_LIMIT 1");
            connection = DuckDb.open();
            try (Statement statement = connection.createStatement()) {
                if (threads > 0) {
                    statement.execute("SET threads = " + threads);
                }
                function = FrameTableFunction.register(connection, "kiln_frame");
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        /** Writes {@code frame} to {@code file}, replacing it. */
        public synchronized void write(Frame frame, Path file) {
            try (Statement statement = connection.createStatement()) {
                function.use(frame);
                statement.execute("COPY (SELECT " + FrameTableFunction.selectList(frame) + " FROM kiln_frame()) TO "
                        + DuckDb.literal(file.toAbsolutePath().toString()) + " (" + options + ")");
            } catch (SQLException e) {
                throw new SourceException("cannot write " + file + ": " + e.getMessage(), e);
            } finally {
                function.use(null);
            }
        }

        @Override
        public synchronized void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new SourceException("cannot close DuckDB: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads {@code file} (or a glob of files with one schema) into a frame. With {@code expected} the columns must
     * be those of the schema and take its kinds and levels; without, kinds follow the Parquet types and text is
     * typed as the CSV reader would. Row groups are read on as many threads as there are processors.
     */
    public static Frame read(Path file, Schema expected) {
        return read(file, expected, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #read(Path, Schema)}, with row groups read by up to {@code threads} threads; the frame is the same
     * for any thread count.
     */
    public static Frame read(Path file, Schema expected, int threads) {
        return read(file.toAbsolutePath().toString(), expected, Map.of(), "parquet " + file, threads);
    }

    /**
     * Reads {@code file} (or a glob of files with one schema) as {@link #read(Path, Schema)} does without a schema, but
     * in chunks of whole row groups of at least {@code chunkRows} rows handed to {@code sink} in file order, so that
     * memory holds one chunk at a time; every chunk has the same columns, kinds and label levels (those of the whole
     * input). The sink's second argument estimates the bytes of the file read so far from the rows read. Returns the
     * number of rows.
     */
    public static long stream(Path file, int chunkRows, CsvReader.ChunkSink sink) throws java.io.IOException {
        String source = "parquet " + file;
        long size = java.nio.file.Files.isRegularFile(file) ? java.nio.file.Files.size(file) : 0;
        try (DuckDBConnection connection = DuckDb.reader()) {
            return ParquetColumns.stream(connection, file.toAbsolutePath().toString(), null, Map.of(), source,
                    Runtime.getRuntime().availableProcessors(), chunkRows, size, sink);
        } catch (SQLException e) {
            throw new InvalidDataException(source + ": " + SourceException.oneLine(e.getMessage()), e);
        }
    }

    static Frame read(String pattern, Schema expected, Map<String, dev.kiln.data.ColumnKind> kinds, String source) {
        return read(pattern, expected, kinds, source, Runtime.getRuntime().availableProcessors());
    }

    static Frame read(String pattern, Schema expected, Map<String, dev.kiln.data.ColumnKind> kinds, String source,
                      int threads) {
        try (DuckDBConnection connection = DuckDb.reader()) {
            Frame frame = ParquetColumns.read(connection, pattern, expected, kinds, source, threads);
            if (expected != null && frame.columnCount() != expected.fields().size()) {
                for (Field field : expected.fields()) {
                    if (!frame.has(field.name())) {
                        throw new InvalidDataException(source + ": column '" + field.name() + "' is missing");
                    }
                }
            }
            return frame;
        } catch (SQLException e) {
            throw new InvalidDataException(source + ": " + SourceException.oneLine(e.getMessage()), e);
        }
    }
}
