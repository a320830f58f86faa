package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 * comes through as strings.
 *
 * <p>The row count and the row groups come first from the files' footers ({@code parquet_metadata}), so every
 * column is allocated once at its final size and each row's place in the frame is known before it is read. With
 * more than one thread and more than one row group, runs of consecutive row groups are read in parallel: each
 * worker of a fork/join pool has its own connection and takes the next run from a shared counter, selects it by
 * a {@code file_row_number} range (and the file name when there are several files), which DuckDB turns into
 * exactly those row groups from their statistics without reading the others, and copies it to the rows the run
 * holds in file order. DuckDB runs each query on one thread ({@link DuckDb#reader()}): the parallelism is the
 * workers', so the Java copy is shared out as well as the decoding. Rows keep the files' order, and the frame is
 * the same for any thread count; a file with a column named {@code filename} or {@code file_row_number} is read
 * in one query, parallel inside DuckDB.
 */
final class ParquetColumns {
    /** Above this many distinct values a label column without a schema is read as strings. */
    private static final int MAX_ENUM_LEVELS = 20_000;

    /** Columns DuckDB adds to select a row group; a file with a column of either name is read in one query. */
    private static final String FILE_NAME = "filename";
    private static final String FILE_ROW = "file_row_number";
    /** DuckDB's number of a row's file among those a pattern matches, in read order. */
    private static final String FILE_INDEX = "file_index";

    /** How many runs of row groups each worker gets about; see {@link #runs}. */
    private static final int PARTS_PER_WORKER = 2;

    private enum Transfer { DOUBLE, BOOLEAN, MILLIS, CODES, STRINGS }

    /** A row group: {@code rows} rows of {@code file} from row {@code firstRow} of the file, at {@code at} in the frame. */
    private record Piece(String file, long firstRow, int rows, int at) {
    }

    private ParquetColumns() {
    }

    /**
     * The frame of the Parquet files matching {@code pattern}, read by up to {@code threads} workers; see
     * {@link ParquetFiles#read}.
     */
    static Frame read(DuckDBConnection connection, String pattern, Schema expected, Map<String, ColumnKind> kinds,
                      String source, int threads) throws SQLException {
        Checks.checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
        Plan plan = plan(connection, pattern, expected, kinds, source, threads);
        long total = plan.rows();
        if (total > Integer.MAX_VALUE - 16) {
            throw new InvalidDataException(source + ": " + total + " rows, more than a frame holds");
        }
        if (threads == 1 || plan.pieces().size() < 2 || plan.names().contains(FILE_NAME) || plan.names().contains(FILE_ROW)) {
            return readWhole(connection, plan, threads);
        }
        return readPieces(connection, plan, plan.pieces(), threads);
    }

    /**
     * Hands the frame of the Parquet files matching {@code pattern} to {@code sink} in chunks of whole row groups, at
     * least {@code chunkRows} rows each (the last may have fewer), in file order; each chunk is read by up to
     * {@code threads} workers, and its labels are coded against the levels of the whole input, so every chunk has the
     * same schema. The sink's second argument is the share of the rows read so far, scaled to {@code size} (the
     * input's size in bytes). Returns the number of rows. A file with a column named {@code filename} or
     * {@code file_row_number} comes as one chunk.
     */
    static long stream(DuckDBConnection connection, String pattern, Schema expected, Map<String, ColumnKind> kinds,
                       String source, int threads, int chunkRows, long size, dev.kiln.data.CsvReader.ChunkSink sink)
            throws SQLException, java.io.IOException {
        Checks.checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
        Checks.checkArgument(chunkRows >= 1, "chunkRows must be positive: %s", chunkRows);
        Plan plan = plan(connection, pattern, expected, kinds, source, threads);
        long total = plan.rows();
        if (plan.pieces().isEmpty() || plan.names().contains(FILE_NAME) || plan.names().contains(FILE_ROW)) {
            if (total > Integer.MAX_VALUE - 16) {
                throw new InvalidDataException(source + ": " + total + " rows in one chunk, more than a frame holds");
            }
            sink.accept(readWhole(connection, plan, threads), size);
            return total;
        }
        List<Piece> batch = new ArrayList<>();
        long done = 0;
        int batchRows = 0;
        for (int g = 0; g < plan.pieces().size(); g++) {
            Piece piece = plan.pieces().get(g);
            batch.add(new Piece(piece.file(), piece.firstRow(), piece.rows(), batchRows));
            batchRows += piece.rows();
            if (batchRows >= chunkRows || g == plan.pieces().size() - 1) {
                Frame chunk = readPieces(connection, plan, batch, threads);
                done += batchRows;
                sink.accept(chunk, total == 0 ? size : (long) ((double) size * done / total));
                batch = new ArrayList<>();
                batchRows = 0;
            }
        }
        return done;
    }

    /** What a read needs to know before it reads a row: the columns, how each comes through, and the row groups. */
    private record Plan(String pattern, String source, Schema expected, Map<String, ColumnKind> kinds, List<String> names,
                        Transfer[] transfers, List<List<String>> levels, String selectList, List<Piece> pieces) {
        long rows() {
            return pieces.isEmpty() ? 0 : (long) pieces.get(pieces.size() - 1).at() + pieces.get(pieces.size() - 1).rows();
        }
    }

    private static Plan plan(DuckDBConnection connection, String pattern, Schema expected, Map<String, ColumnKind> kinds,
                             String source, int threads) throws SQLException {
        String from = "read_parquet(" + DuckDb.literal(pattern) + ")";
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
        List<Integer> labels = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            String name = names.get(j);
            if (expected != null && expected.field(name).isEmpty()) {
                throw new InvalidDataException(source + ": unexpected column '" + name + "'");
            }
            if (expected == null && types.get(j).equals("VARCHAR") && kinds.get(name) != ColumnKind.TEXT) {
                labels.add(j);
            }
        }
        List<List<String>> found = distinctInOrder(connection, from, names, labels, threads);
        for (int j = 0; j < width; j++) {
            String name = names.get(j);
            Field field = expected == null ? null : expected.field(name).orElseThrow();
            String column = DuckDb.identifier(name);
            String type = types.get(j);
            List<String> known = field != null && field.kind() == ColumnKind.CATEGORICAL ? field.levels() : null;
            int label = labels.indexOf(j);
            if (label >= 0) {
                known = found.get(label);
            }
            levels.add(known);
            transfers[j] = transfer(type, field, known);
            select.add(expression(transfers[j], column, type, known) + " AS " + column);
        }
        return new Plan(pattern, source, expected, kinds, names, transfers, levels, String.join(", ", select),
                rowGroups(connection, pattern));
    }

    /** Every row in one query: on the caller's connection, or parallel inside DuckDB on a database of its own. */
    private static Frame readWhole(DuckDBConnection connection, Plan plan, int threads) throws SQLException {
        int rows = (int) plan.rows();
        Object[] buffers = allocate(plan, rows);
        String query = "SELECT " + plan.selectList() + " FROM read_parquet(" + DuckDb.literal(plan.pattern()) + ")";
        if (threads == 1 || plan.pieces().size() < 2) {
            readAll(connection, query, plan.transfers(), buffers, rows, plan.source());
        } else { // the row groups cannot be selected by name: one query, parallel inside DuckDB
            try (DuckDBConnection own = DuckDb.open(); Statement statement = own.createStatement()) {
                statement.execute("SET threads = " + threads);
                readAll(own, query, plan.transfers(), buffers, rows, plan.source());
            }
        }
        return frame(plan, buffers);
    }

    /** The rows of the row groups {@code pieces} (placed from row 0 on), read in parallel. */
    private static Frame readPieces(DuckDBConnection connection, Plan plan, List<Piece> pieces, int threads) throws SQLException {
        Piece last = pieces.get(pieces.size() - 1);
        Object[] buffers = allocate(plan, last.at() + last.rows());
        readInParallel(connection, plan.pattern(), plan.selectList(), pieces, plan.transfers(), buffers, threads, plan.source());
        return frame(plan, buffers);
    }

    private static Object[] allocate(Plan plan, int rows) {
        Object[] buffers = new Object[plan.transfers().length];
        for (int j = 0; j < buffers.length; j++) {
            buffers[j] = allocate(plan.transfers()[j], rows);
        }
        return buffers;
    }

    private static Frame frame(Plan plan, Object[] buffers) {
        List<Column> columns = new ArrayList<>(buffers.length);
        for (int j = 0; j < buffers.length; j++) {
            String name = plan.names().get(j);
            Field field = plan.expected() == null ? null : plan.expected().field(name).orElseThrow();
            columns.add(column(name, plan.transfers()[j], buffers[j], plan.levels().get(j), field, plan.kinds(), plan.source()));
            buffers[j] = null;
        }
        return Frame.of(columns);
    }

    /** Reads every row of {@code query}, which must be {@code rows}. */
    private static void readAll(DuckDBConnection connection, String query, Transfer[] transfers, Object[] buffers,
                                int rows, String source) throws SQLException {
        int read = scan(connection, query, transfers, buffers, 0, rows, source);
        if (read != rows) {
            throw changed(source, rows, read);
        }
    }

    /** The row groups of the files in the order DuckDB reads them, each placed after those before it. */
    private static List<Piece> rowGroups(DuckDBConnection connection, String pattern) throws SQLException {
        List<Piece> out = new ArrayList<>();
        String query = "SELECT file_name, row_group_id, row_group_num_rows FROM parquet_metadata("
                + DuckDb.literal(pattern) + ") WHERE column_id = 0";
        try (Statement statement = connection.createStatement(); ResultSet groups = statement.executeQuery(query)) {
            String file = null;
            long next = -1;
            long firstRow = 0;
            long at = 0;
            while (groups.next()) {
                String name = groups.getString(1);
                long group = groups.getLong(2);
                long count = groups.getLong(3);
                if (!name.equals(file)) {
                    file = name;
                    next = 0;
                    firstRow = 0;
                }
                if (group != next || count < 0 || at + count > Integer.MAX_VALUE) {
                    throw new SQLException("unexpected row group " + group + " of " + count + " rows in " + name);
                }
                if (count > 0) {
                    out.add(new Piece(name, firstRow, (int) count, (int) at));
                }
                next++;
                firstRow += count;
                at += count;
            }
        }
        return out;
    }

    /**
     * Reads the row groups {@code pieces}, joined into {@link #runs}, on up to {@code threads} workers of a fork/join
     * pool, each with its own connection to the database of {@code connection} and taking the next run from a
     * shared counter. After a failure the other workers take no further runs, and the first failure met in worker
     * order is rethrown.
     */
    private static void readInParallel(DuckDBConnection connection, String pattern, String selectList, List<Piece> pieces,
                                       Transfer[] transfers, Object[] buffers, int threads, String source) throws SQLException {
        boolean oneFile = pieces.get(0).file().equals(pieces.get(pieces.size() - 1).file());
        String from = "read_parquet(" + DuckDb.literal(pattern) + (oneFile ? "" : ", filename = true") + ", file_row_number = true)";
        List<Piece> parts = runs(pieces, PARTS_PER_WORKER * threads);
        int workers = Math.min(threads, parts.size());
        inParallel(connection, parts.size(), workers, (own, p) -> {
            Piece piece = parts.get(p);
            String where = (oneFile ? "" : FILE_NAME + " = " + DuckDb.literal(piece.file()) + " AND ")
                    + FILE_ROW + " BETWEEN " + piece.firstRow() + " AND " + (piece.firstRow() + piece.rows() - 1);
            int read = scan(own, "SELECT " + selectList + " FROM " + from + " WHERE " + where,
                    transfers, buffers, piece.at(), piece.rows(), source);
            if (read != piece.rows()) {
                throw changed(source, piece.rows(), read);
            }
        });
    }

    /** One of {@link #inParallel}'s tasks, on the worker's own connection. */
    private interface Task {
        void run(DuckDBConnection connection, int index) throws SQLException;
    }

    /**
     * Runs tasks {@code 0..count-1} on up to {@code workers} workers of a fork/join pool, each with its own
     * connection to the database of {@code connection} and taking the next task from a shared counter. After a
     * failure the other workers take no further tasks, and the first failure is rethrown as it was raised.
     */
    private static void inParallel(DuckDBConnection connection, int count, int workers, Task task) throws SQLException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(workers, count)));
        try {
            List<ForkJoinTask<?>> running = new ArrayList<>();
            for (int w = 0; w < Math.min(workers, count); w++) {
                DuckDBConnection own = (DuckDBConnection) connection.duplicate();
                running.add(pool.submit(() -> {
                    try (own) {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            task.run(own, i);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        next.set(count); // the others take no further tasks
                    }
                }));
            }
            for (ForkJoinTask<?> worker : running) {
                worker.join();
            }
        } finally {
            pool.shutdown();
        }
        Throwable first = failure.get();
        if (first instanceof SQLException sql) {
            throw sql;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new SQLException(first);
        }
    }

    /**
     * The row groups joined into about {@code parts} runs of consecutive row groups of one file with about as many
     * rows each: a run is one query, and each query costs some milliseconds of its own (binding the file, its
     * buffers), so a worker takes a few runs rather than every row group, and still more than one so that a worker
     * that falls behind is made up for by the others.
     */
    private static List<Piece> runs(List<Piece> groups, int parts) {
        long total = (long) groups.get(groups.size() - 1).at() + groups.get(groups.size() - 1).rows();
        long target = Math.max(1, (total + parts - 1) / parts);
        List<Piece> out = new ArrayList<>();
        Piece run = null;
        for (Piece group : groups) {
            if (run != null && run.file().equals(group.file()) && run.rows() + group.rows() / 2 < target) {
                run = new Piece(run.file(), run.firstRow(), run.rows() + group.rows(), run.at());
            } else {
                if (run != null) {
                    out.add(run);
                }
                run = group;
            }
        }
        out.add(run);
        return out;
    }

    /**
     * Runs {@code query} and copies its rows into {@code buffers} from row {@code at}, at most {@code limit} of
     * them; returns how many rows the query gave.
     */
    private static int scan(DuckDBConnection connection, String query, Transfer[] transfers, Object[] buffers,
                            int at, int limit, String source) throws SQLException {
        int rows = 0;
        try (DuckDBPreparedStatement statement = (DuckDBPreparedStatement) connection.prepareStatement(query);
             DuckDBChunkedResult result = statement.query()) {
            while (result.nextChunk()) {
                DuckDBDataChunkReader chunk = result.chunk();
                int n = (int) chunk.rowCount();
                if (rows + n > limit) {
                    throw changed(source, limit, rows + n);
                }
                for (int j = 0; j < transfers.length; j++) {
                    copy(transfers[j], chunk.vector(j), n, buffers[j], at + rows);
                }
                rows += n;
            }
        }
        return rows;
    }

    private static InvalidDataException changed(String source, long expected, long read) {
        return new InvalidDataException(source + ": the footers give " + expected + " rows but " + (read > expected
                ? "more" : read + "") + " were read; was a file changed while it was read?");
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

    /**
     * The distinct values of each of the text columns {@code labels} (indexes into {@code names}) in order of first
     * appearance, or null for a column with too many; one query a column, run by up to {@code threads} workers on
     * their own connections. The first appearance is DuckDB's {@code file_index} and {@code file_row_number}, so the
     * query is a parallel aggregate over the row groups; a file with a column of either name falls back to
     * numbering the rows in one window.
     */
    private static List<List<String>> distinctInOrder(DuckDBConnection connection, String from, List<String> names,
                                                      List<Integer> labels, int threads) throws SQLException {
        boolean virtual = !names.contains(FILE_INDEX) && !names.contains(FILE_ROW);
        List<String> queries = new ArrayList<>();
        for (int j : labels) {
            String column = DuckDb.identifier(names.get(j));
            String rows = virtual ? "(SELECT " + column + ", " + FILE_INDEX + " * 4294967296 + " + FILE_ROW + " AS r FROM " + from + ")"
                    : "(SELECT " + column + ", row_number() OVER () AS r FROM " + from + ")";
            queries.add("SELECT v FROM (SELECT " + column + " AS v, min(r) AS first FROM " + rows + " WHERE " + column
                    + " IS NOT NULL GROUP BY " + column + ") ORDER BY first LIMIT " + (MAX_ENUM_LEVELS + 1));
        }
        List<List<String>> out = new ArrayList<>(java.util.Collections.nCopies(queries.size(), null));
        int workers = Math.min(threads, queries.size());
        if (workers <= 1) {
            for (int q = 0; q < queries.size(); q++) {
                out.set(q, levels(connection, queries.get(q)));
            }
            return out;
        }
        inParallel(connection, queries.size(), workers, (own, q) -> out.set(q, levels(own, queries.get(q))));
        return out;
    }

    private static List<String> levels(DuckDBConnection connection, String query) throws SQLException {
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

    private static void copy(Transfer transfer, DuckDBReadableVector vector, int n, Object buffer, int at) {
        switch (transfer) {
            case DOUBLE -> ParquetVectors.doubles(vector, n, (double[]) buffer, at);
            case MILLIS -> ParquetVectors.longs(vector, n, (long[]) buffer, at, TimestampColumn.MISSING);
            case BOOLEAN -> ParquetVectors.booleans(vector, n, (int[]) buffer, at, CategoricalColumn.MISSING);
            case CODES -> ParquetVectors.ints(vector, n, (int[]) buffer, at, CategoricalColumn.MISSING);
            case STRINGS -> {
                String[] out = (String[]) buffer;
                for (int i = 0; i < n; i++) {
                    out[at + i] = vector.isNull(i) ? null : vector.getString(i);
                }
            }
        }
    }

    /** The column of {@code buffer}, which it takes over (numbers are not copied again). */
    private static Column column(String name, Transfer transfer, Object buffer, List<String> levels,
                                 Field field, Map<String, ColumnKind> kinds, String source) {
        IntFunction<String> where = i -> source + ": row " + (i + 1);
        return switch (transfer) {
            case DOUBLE -> NumericColumn.wrap(name, (double[]) buffer);
            case MILLIS -> TimestampColumn.of(name, (long[]) buffer);
            case BOOLEAN -> CategoricalColumn.ofBooleans(name, (int[]) buffer);
            case CODES -> field != null ? CategoricalColumn.of(name, (int[]) buffer, levels)
                    : LabelColumns.column(name, (int[]) buffer, levels, kinds.get(name), where);
            case STRINGS -> {
                String[] text = (String[]) buffer;
                if (field != null) {
                    yield TextColumn.of(name, text);
                }
                ColumnKind kind = kinds.get(name);
                yield ColumnParser.parse(name, text, kind != null ? kind : ColumnParser.infer(text), where);
            }
        };
    }
}
