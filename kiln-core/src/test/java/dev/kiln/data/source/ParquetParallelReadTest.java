package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameDigest;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row groups read in parallel give the frame of the sequential read, row for row, for any thread count. */
class ParquetParallelReadTest {
    @TempDir
    Path dir;

    /** {@code rows} rows of every kind, with missing values scattered and on 64-row word and vector edges. */
    static Frame frame(int rows, long seed, int offset) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[rows];
        int[] c = new int[rows];
        int[] b = new int[rows];
        long[] t = new long[rows];
        String[] s = new String[rows];
        List<String> levels = List.of("zeta", "alpha", "mid", "unused");
        for (int i = 0; i < rows; i++) {
            boolean edge = i % 64 == 63 || i % 64 == 0 || i % 2048 == 2047 || i == rows - 1;
            boolean missing = edge || random.nextInt(10) == 0;
            x[i] = missing && random.nextBoolean() ? Double.NaN : offset + i + random.nextDouble();
            c[i] = missing && random.nextBoolean() ? CategoricalColumn.MISSING : random.nextInt(3);
            b[i] = missing && random.nextBoolean() ? CategoricalColumn.MISSING : random.nextInt(2);
            t[i] = missing && random.nextBoolean() ? TimestampColumn.MISSING : 1_700_000_000_000L + (offset + i) * 1_001L;
            s[i] = missing && random.nextBoolean() ? null : "row " + (offset + i);
        }
        return Frame.of(NumericColumn.of("x", x), CategoricalColumn.of("c", c, levels), CategoricalColumn.ofBooleans("b", b),
                TimestampColumn.of("t", t), TextColumn.of("s", s));
    }

    /** Writes {@code frame} as a snapshot is, then rewrites it with row groups of {@code groupRows} rows. */
    private Path write(Frame frame, String name, int groupRows) throws Exception {
        Path plain = dir.resolve(name + ".plain");
        ParquetFiles.write(frame, plain);
        Path file = dir.resolve(name);
        try (DuckDBConnection connection = DuckDb.open(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_parquet(" + DuckDb.literal(plain.toString()) + ")) TO "
                    + DuckDb.literal(file.toString()) + " (FORMAT parquet, ROW_GROUP_SIZE " + groupRows + ")");
        }
        return file;
    }

    private static long rowGroups(Path file) throws Exception {
        try (DuckDBConnection connection = DuckDb.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                     + DuckDb.literal(file.toString()) + ")")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void vectorsAreCopiedInBulkWithThisDriver() {
        assertThat(ParquetVectors.bulk()).isTrue();
    }

    @Test
    void manyRowGroupsReadInParallelEqualTheSequentialReadAndTheFrame() throws Exception {
        Frame frame = frame(50_000, 1, 0);
        Path file = write(frame, "groups.parquet", 4096);
        assertThat(rowGroups(file)).isGreaterThan(8);
        Frame sequential = ParquetFiles.read(file, frame.schema(), 1);
        assertThat(sequential).isEqualTo(frame);
        for (int threads : new int[] {2, 3, 8, 64}) {
            Frame parallel = ParquetFiles.read(file, frame.schema(), threads);
            assertThat(parallel).as("%s threads", threads).isEqualTo(frame);
            assertThat(FrameDigest.sha256(parallel)).isEqualTo(FrameDigest.sha256(frame));
        }
    }

    @Test
    void withoutASchemaTheParallelReadTypesAndOrdersAsTheSequentialOne() throws Exception {
        Frame frame = frame(30_000, 2, 0);
        Path file = write(frame, "noschema.parquet", 2048);
        Frame sequential = ParquetFiles.read(file.toString(), null, java.util.Map.of(), "parquet test", 1);
        Frame parallel = ParquetFiles.read(file.toString(), null, java.util.Map.of(), "parquet test", 4);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel.column("c").kind()).isEqualTo(dev.kiln.data.ColumnKind.CATEGORICAL);
        // levels in order of first appearance in the file, not the schema's order
        assertThat(((CategoricalColumn) parallel.column("c")).levels())
                .containsExactlyElementsOf(((CategoricalColumn) sequential.column("c")).levels());
        assertThat(parallel.column("x")).isEqualTo(frame.column("x"));
    }

    @Test
    void aGlobOfFilesKeepsTheFilesOrderAndEachFilesRowOrder() throws Exception {
        Path parts = dir.resolve("parts");
        java.nio.file.Files.createDirectories(parts);
        Frame first = frame(9_000, 3, 0);
        Frame second = frame(5, 4, 9_000);
        Frame third = frame(12_000, 5, 9_005);
        // written out of name order: the read follows the names
        Path c = write(third, "parts/part-2.parquet", 2048);
        Path a = write(first, "parts/part-0.parquet", 2048);
        Path b = write(second, "parts/part-1.parquet", 2048);
        for (Path plain : new Path[] {a, b, c}) {
            java.nio.file.Files.delete(Path.of(plain + ".plain"));
        }
        String glob = parts.resolve("part-*.parquet").toString();
        Frame sequential = ParquetFiles.read(glob, first.schema(), java.util.Map.of(), "parquet glob", 1);
        for (int threads : new int[] {2, 5}) {
            assertThat(ParquetFiles.read(glob, first.schema(), java.util.Map.of(), "parquet glob", threads))
                    .isEqualTo(sequential);
        }
        assertThat(sequential.rowCount()).isEqualTo(21_005);
        NumericColumn x = (NumericColumn) sequential.column("x");
        TimestampColumn t = (TimestampColumn) sequential.column("t");
        for (int i = 0; i < sequential.rowCount(); i++) {
            if (!t.isMissing(i)) {
                assertThat(t.get(i)).as("row %s", i).isEqualTo(1_700_000_000_000L + i * 1_001L);
            }
            if (!x.isMissing(i)) {
                assertThat((long) Math.floor(x.get(i))).as("row %s", i).isEqualTo(i);
            }
        }
    }

    @Test
    void withoutASchemaLabelLevelsFollowTheirFirstAppearanceAcrossFilesAndRowGroups() throws Exception {
        Path parts = dir.resolve("labels");
        java.nio.file.Files.createDirectories(parts);
        String[] first = new String[5000];
        String[] second = new String[5000];
        java.util.Arrays.fill(first, "mid");
        java.util.Arrays.fill(second, "zeta");
        first[0] = null;
        first[4500] = "zeta"; // a later row group of the first file
        second[10] = "alpha";
        second[4999] = "new";
        for (String[] labels : new String[][] {first, second}) {
            int index = labels == first ? 0 : 1;
            double[] x = new double[labels.length];
            Frame frame = Frame.of(TextColumn.of("label", labels), NumericColumn.of("x", x));
            write(frame, "labels/part-" + index + ".parquet", 2048);
            java.nio.file.Files.delete(parts.resolve("part-" + index + ".parquet.plain"));
            Frame named = Frame.of(TextColumn.of("label", labels), NumericColumn.of("file_index", x));
            write(named, "labels-named-" + index + ".parquet", 2048);
        }
        for (int threads : new int[] {1, 2, 4}) {
            Frame back = ParquetFiles.read(parts.resolve("part-*.parquet").toString(), null, java.util.Map.of(), "parquet labels", threads);
            assertThat(((CategoricalColumn) back.column("label")).levels()).as("%s threads", threads)
                    .containsExactly("mid", "zeta", "alpha", "new");
            assertThat(back.column("label").isMissing(0)).isTrue();
            // a column named file_index: the rows are numbered in a window instead, with the same levels
            Frame named = ParquetFiles.read(dir.resolve("labels-named-*.parquet").toString(), null, java.util.Map.of(),
                    "parquet labels", threads);
            assertThat(((CategoricalColumn) named.column("label")).levels()).containsExactly("mid", "zeta", "alpha", "new");
        }
    }

    @Test
    void aFileWithColumnsNamedAsDuckDbsRowColumnsIsReadInOneQuery() throws Exception {
        Frame frame = frame(20_000, 6, 0);
        Frame named = Frame.of(frame.column("x").rename("filename"), frame.column("c").rename("file_row_number"),
                frame.column("t"));
        Path file = write(named, "names.parquet", 2048);
        assertThat(ParquetFiles.read(file, named.schema(), 4)).isEqualTo(named);
        assertThat(ParquetFiles.read(file, named.schema(), 1)).isEqualTo(named);
    }

    @Test
    void snapshotsAreWrittenInRowGroupsThatTheReadShares() throws Exception {
        Frame frame = frame(2 * ParquetFiles.ROW_GROUP_ROWS + 10, 9, 0);
        Path file = dir.resolve("snapshot.parquet");
        ParquetFiles.write(frame, file);
        assertThat(rowGroups(file)).isEqualTo(3);
        assertThat(ParquetFiles.read(file, frame.schema(), 2)).isEqualTo(frame);
        assertThat(ParquetFiles.read(file, frame.schema(), 1)).isEqualTo(frame);
    }

    @Test
    void aLabelOutsideTheSchemasLevelsFailsTheParallelReadClearly() throws Exception {
        Frame frame = frame(20_000, 10, 0);
        Path file = write(frame, "levels.parquet", 2048);
        dev.kiln.data.Schema narrower = Frame.of(frame.column("x"),
                CategoricalColumn.of("c", new int[20_000], List.of("zeta", "alpha")), frame.column("b"), frame.column("t"),
                frame.column("s")).schema();
        for (int threads : new int[] {1, 4}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetFiles.read(file, narrower, threads))
                    .isInstanceOf(dev.kiln.data.InvalidDataException.class)
                    .hasMessageContaining("parquet " + file)
                    .hasMessageContaining("mid");
        }
    }

    @Test
    void emptyAndOneRowFramesRoundTrip() {
        for (int rows : new int[] {0, 1}) {
            Frame frame = frame(rows, 7, 0);
            Path file = dir.resolve("small-" + rows + ".parquet");
            ParquetFiles.write(frame, file);
            assertThat(ParquetFiles.read(file, frame.schema(), 2)).isEqualTo(frame);
        }
    }

    @Test
    void readsRunConcurrentlyOnTheSharedDatabase() throws Exception {
        Frame frame = frame(20_000, 8, 0);
        Path file = write(frame, "concurrent.parquet", 2048);
        List<java.util.concurrent.Callable<Frame>> reads = java.util.Collections.nCopies(6,
                () -> ParquetFiles.read(file, frame.schema(), 2));
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (java.util.concurrent.Future<Frame> read : executor.invokeAll(reads)) {
                assertThat(read.get()).isEqualTo(frame);
            }
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void streamedChunksOfWholeRowGroupsAddUpToTheRead() throws Exception {
        Frame frame = frame(20_000, 21, 0);
        Path file = write(frame, "stream.parquet", 2_048);
        assertThat(rowGroups(file)).isGreaterThan(5);
        Frame whole = ParquetFiles.read(file, null);
        List<Frame> chunks = new java.util.ArrayList<>();
        List<Long> reached = new java.util.ArrayList<>();
        long rows = ParquetFiles.stream(file, 5_000, (chunk, bytes) -> {
            chunks.add(chunk);
            reached.add(bytes);
        });
        assertThat(rows).isEqualTo(20_000);
        assertThat(chunks.size()).isBetween(2, 4);
        for (int k = 0; k < chunks.size() - 1; k++) {
            assertThat(chunks.get(k).rowCount()).isGreaterThanOrEqualTo(5_000);
            assertThat(chunks.get(k).schema()).isEqualTo(whole.schema()); // labels coded against the whole file
        }
        assertThat(reached).isSorted();
        assertThat(reached.get(reached.size() - 1)).isEqualTo(java.nio.file.Files.size(file));
        Frame joined = FrameConcat.concat(chunks, java.util.Collections.nCopies(chunks.size(), "chunk"));
        assertThat(joined).isEqualTo(whole);
    }

    @Test
    void anEmptyFileStreamsOneEmptyChunk() throws Exception {
        Frame empty = frame(0, 1, 0);
        Path file = dir.resolve("empty.parquet");
        ParquetFiles.write(empty, file);
        List<Frame> chunks = new java.util.ArrayList<>();
        assertThat(ParquetFiles.stream(file, 10, (chunk, bytes) -> chunks.add(chunk))).isZero();
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).rowCount()).isZero();
        assertThat(chunks.get(0).names()).containsExactly("x", "c", "b", "t", "s");
    }
}
