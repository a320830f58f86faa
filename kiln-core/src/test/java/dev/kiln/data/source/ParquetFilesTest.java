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
}
