package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameDigest;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFilesTest {
    @TempDir
    Path dir;

    /** Every kind, with missing values, odd doubles, unused and out-of-order levels, and non-ASCII text. */
    static Frame everyKind() {
        return Frame.of(
                NumericColumn.of("x", new double[] {1.5, Double.NaN, -0.0, 1e-300, Double.MAX_VALUE, 0.1 + 0.2}),
                CategoricalColumn.of("c", new int[] {2, 0, -1, 2, 1, 0}, List.of("zeta", "alpha", "mid", "unused")),
                CategoricalColumn.ofBooleans("b", new int[] {1, 0, -1, 1, 1, 0}),
                TimestampColumn.of("t", new long[] {0, -86_400_000L, TimestampColumn.MISSING, 1_700_000_000_123L, 1, 2}),
                TextColumn.of("s", new String[] {"héllo", null, "", "a\"b,c", "line\nbreak", "日本"}));
    }

    @Test
    void roundTripsEveryKindExactly() {
        Frame frame = everyKind();
        Path file = dir.resolve("f.parquet");
        ParquetFiles.write(frame, file);
        Frame back = ParquetFiles.read(file, frame.schema());
        assertThat(back).isEqualTo(frame);
        assertThat(FrameDigest.sha256(back)).isEqualTo(FrameDigest.sha256(frame));
    }

    @Test
    void readsWithoutASchemaByParquetTypes() throws Exception {
        Frame frame = everyKind();
        Path file = dir.resolve("f.parquet");
        ParquetFiles.write(frame, file);
        Frame back = new ParquetSource("f.parquet").read(SourceContext.of(dir));
        assertThat(back.names()).containsExactly("x", "c", "b", "t", "s");
        assertThat(back.column("x")).isEqualTo(frame.column("x").rename("x"));
        assertThat(back.column("b")).isEqualTo(frame.column("b"));
        assertThat(back.column("t")).isEqualTo(frame.column("t"));
        assertThat(back.column("c").format(0)).isEqualTo("mid");
    }

    /**
     * Many vectors (2,048 rows each) with missing values in different places, through the bulk fill: each vector's
     * validity is its own, one writer writes several files, and a plain-encoded file reads back the same.
     */
    @Test
    void oneWriterWritesManyVectorsOfMissingValuesExactly() {
        assertThat(VectorFiller.bulk()).as("the DuckDB driver's vector buffers are reachable (else the slow path runs)").isTrue();
        java.util.Random random = new java.util.Random(7);
        int n = 5_000;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] c = new int[n];
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian();
            y[i] = i < 2_048 ? Double.NaN : i; // a vector all missing, then none
            c[i] = random.nextInt(5) == 0 ? CategoricalColumn.MISSING : random.nextInt(3);
            s[i] = random.nextInt(4) == 0 ? null : "s" + random.nextInt(50);
        }
        Frame frame = Frame.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
                CategoricalColumn.of("c", c, List.of("a", "é", "c")), TextColumn.of("s", s));
        try (ParquetFiles.Writer writer = ParquetFiles.writer(1, false)) {
            for (String name : List.of("a.parquet", "b.parquet")) {
                writer.write(frame, dir.resolve(name));
                assertThat(ParquetFiles.read(dir.resolve(name), frame.schema())).isEqualTo(frame);
                // missing is NULL in the file, not NaN, for every other reader
                assertThat(nulls(dir.resolve(name), "x")).isEqualTo(java.util.stream.DoubleStream.of(x).filter(Double::isNaN).count());
                assertThat(nulls(dir.resolve(name), "y")).isEqualTo(2_048);
            }
            Frame small = everyKind();
            writer.write(small, dir.resolve("c.parquet"));
            assertThat(ParquetFiles.read(dir.resolve("c.parquet"), small.schema())).isEqualTo(small);
        }
    }

    private static long nulls(Path file, String column) {
        try (var connection = DuckDb.open(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM read_parquet(" + DuckDb.literal(file.toString()) + ") WHERE "
                     + column + " IS NULL")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
