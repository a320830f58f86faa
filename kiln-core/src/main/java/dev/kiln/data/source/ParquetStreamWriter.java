package dev.kiln.data.source;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;

/**
 * Writes frames that arrive one after another (the chunks of a batch job) into one Parquet file in bounded memory,
 * as {@link ParquetFiles#write} writes one frame: a DuckDB {@code COPY} runs on a thread of its own and pulls the
 * frames through a table function while the caller produces the next ones; at most two frames wait. The file
 * appears only when {@link #finish} succeeds (written to a temporary file, then renamed into place); closing without
 * finishing, or any failure, leaves no file. Every frame must have the first frame's columns. Not thread-safe: one
 * producer.
 */
public final class ParquetStreamWriter implements AutoCloseable {
    private static final Object END = new Object();
    private static final Object ABORT = new Object();

    private final Path file;
    private final Path temp;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private Frame first;
    private Thread copier;
    private volatile Throwable failure;
    private boolean closed;

    /** A writer of {@code file}; nothing is written until the first frame. */
    public ParquetStreamWriter(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        Files.createDirectories(this.file.getParent());
        this.temp = Files.createTempFile(this.file.getParent(), ".kiln-", ".parquet.tmp");
    }

    /** Hands {@code frame} on to be written after the frames before it; blocks while two frames wait. */
    public void write(Frame frame) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer of " + file + " is closed");
        }
        if (first == null) {
            first = frame;
            copier = new Thread(this::copy, "kiln-parquet-writer");
            copier.setDaemon(true);
            copier.start();
        } else if (!frame.schema().fields().stream().map(f -> f.name() + ":" + f.kind()).toList()
                .equals(first.schema().fields().stream().map(f -> f.name() + ":" + f.kind()).toList())) {
            throw new IllegalArgumentException(file + ": every frame must have the columns of the first: "
                    + first.names() + ", found " + frame.names());
        }
        put(frame);
    }

    /** Writes the frames handed on, and moves the file into place; a writer given no frame writes an empty file of {@code empty}'s columns. */
    public void finish(Frame empty) throws IOException {
        if (first == null) {
            ParquetFiles.write(empty, temp);
        } else {
            put(END);
            join();
            if (failure != null) {
                throw new IOException("cannot write " + file + ": " + SourceException.oneLine(String.valueOf(failure.getMessage())), failure);
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        closed = true;
    }

    /** Stops writing (when {@link #finish} did not run) and removes the unfinished file. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (copier != null) {
                queue.clear();
                queue.offer(ABORT);
                join();
            }
        }
        Files.deleteIfExists(temp);
    }

    private void put(Object item) throws IOException {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null || !copier.isAlive()) {
                    throw new IOException("cannot write " + file + ": " + (failure == null ? "the writer stopped"
                            : SourceException.oneLine(String.valueOf(failure.getMessage()))), failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + file);
        }
    }

    private void join() throws IOException {
        try {
            copier.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + file);
        }
    }

    /** The copier thread: DuckDB pulls the frames through {@link Pull} into the temporary file. */
    private void copy() {
        try (DuckDBConnection connection = DuckDb.open(); Statement statement = connection.createStatement()) {
            try (var builder = DuckDBFunctions.tableFunction()) {
                builder.withName("kiln_frames").withFunction(new Pull()).register(connection);
            }
            statement.execute("COPY (SELECT " + FrameTableFunction.selectList(first) + " FROM kiln_frames()) TO "
                    + DuckDb.literal(temp.toString()) + " (FORMAT parquet, COMPRESSION snappy)");
        } catch (SQLException | RuntimeException e) {
            failure = e;
            queue.clear(); // the producer may be waiting for room
        }
    }

    /** The frames of the queue, in order, as a table function of one thread. */
    private final class Pull implements DuckDBTableFunction<Object, int[], Object> {
        private final VectorFiller filler = new VectorFiller();
        private Frame current;
        private int offset;

        @Override
        public Object bind(DuckDBTableFunctionBindInfo info) {
            for (Column column : first.columns()) {
                info.addResultColumn(column.name(), FrameTableFunction.duckType(column));
            }
            return first;
        }

        @Override
        public int[] init(DuckDBTableFunctionInitInfo info) {
            info.setMaxThreads(1);
            return new int[0];
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter output) {
            while (current == null || offset == current.rowCount()) {
                Object next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                if (next == END) {
                    return 0;
                }
                if (next == ABORT) {
                    throw new IllegalStateException("the writer was closed before it finished");
                }
                current = (Frame) next;
                offset = 0;
            }
            int n = (int) Math.min(output.capacity(), current.rowCount() - offset);
            List<Column> columns = current.columns();
            for (int j = 0; j < columns.size(); j++) {
                filler.fill(columns.get(j), output.vector(j), offset, n);
            }
            offset += n;
            return n;
        }
    }
}
