package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames written one after another make the file that writing their concatenation at once makes; failures leave none. */
class ParquetStreamWriterTest {
    @TempDir
    Path dir;

    @Test
    void framesInOrderMakeOneFile() throws Exception {
        Frame kinds = ParquetFilesTest.everyKind();
        List<Frame> parts = new ArrayList<>();
        for (int k = 0; k < 5; k++) { // a part of 3000 rows spans two of DuckDB's 2048-row vectors
            int rows = k == 2 ? 3000 : 1 + k;
            int shift = k;
            parts.add(kinds.take(IntStream.range(0, rows).map(i -> (i * 7 + shift) % kinds.rowCount()).toArray()));
        }
        Path file = dir.resolve("out.parquet");
        try (ParquetStreamWriter writer = new ParquetStreamWriter(file)) {
            for (Frame part : parts) {
                writer.write(part);
            }
            writer.finish(null);
        }
        Frame whole = FrameConcat.concat(parts, Collections.nCopies(parts.size(), "part"));
        assertThat(ParquetFiles.read(file, whole.schema())).isEqualTo(whole);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("out.parquet");
        }
    }

    @Test
    void noFrameWritesTheEmptyFrame() throws Exception {
        Frame empty = Frame.of(NumericColumn.of("prediction", new double[0]));
        Path file = dir.resolve("empty.parquet");
        try (ParquetStreamWriter writer = new ParquetStreamWriter(file)) {
            writer.finish(empty);
        }
        assertThat(ParquetFiles.read(file, empty.schema())).isEqualTo(empty);
    }

    @Test
    void closingUnfinishedOrOtherColumnsLeaveNoFile() throws Exception {
        Path file = dir.resolve("out.parquet");
        try (ParquetStreamWriter writer = new ParquetStreamWriter(file)) {
            writer.write(Frame.of(NumericColumn.of("a", new double[] {1, 2})));
        }
        assertThat(file).doesNotExist();
        try (ParquetStreamWriter writer = new ParquetStreamWriter(file)) {
            writer.write(Frame.of(NumericColumn.of("a", new double[] {1, 2})));
            assertThatThrownBy(() -> writer.write(Frame.of(NumericColumn.of("b", new double[] {3}))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a], found [b]");
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }
    }
}
