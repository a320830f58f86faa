package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a CSV as a stream of blocks: the blocks add up to the whole file in order (quoted line breaks across block
 * ends included), whatever the threads, and errors in a later block name the exact line.
 */
class CsvStreamTest {
    @TempDir
    Path dir;

    private static long stream(Path file, CsvOptions options, int threads, int blockBytes, CsvReader.ChunkSink sink)
            throws Exception {
        return new BlockCsvReader(file, options, java.nio.charset.StandardCharsets.UTF_8, threads, blockBytes).stream(sink);
    }

    @Test
    void blocksAddUpToTheWholeFile() throws Exception {
        for (int threads : new int[] {1, 3}) {
            blocksAddUpToTheWholeFile(threads);
        }
    }

    private void blocksAddUpToTheWholeFile(int threads) throws Exception {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 25; i++) {
            text.append(i).append(",\"a\nb").append(i % 3).append("\"\n");
        }
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        CsvOptions options = CsvOptions.defaults().withKinds(Map.of("x", ColumnKind.NUMERIC, "label", ColumnKind.CATEGORICAL));
        List<Frame> chunks = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        long rows = stream(file, options, threads, 40, (chunk, read) -> {
            chunks.add(chunk);
            bytes.add(read);
        });
        assertThat(rows).isEqualTo(25);
        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(chunks.stream().mapToInt(Frame::rowCount).sum()).isEqualTo(25);
        assertThat(bytes).isSorted();
        assertThat(bytes.get(bytes.size() - 1)).isEqualTo(Files.size(file));
        Frame whole = CsvReader.read(file, options);
        int row = 0;
        for (Frame chunk : chunks) {
            for (int i = 0; i < chunk.rowCount(); i++, row++) {
                assertThat(chunk.numeric("x").get(i)).isEqualTo(whole.numeric("x").get(row));
                assertThat(chunk.column("label").format(i)).isEqualTo(whole.column("label").format(row));
            }
        }
    }

    @Test
    void errorsInALaterChunkNameTheirLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x,y\n1,2\n3,4\n5,6\n7\n");
        assertThatThrownBy(() -> stream(file, CsvOptions.defaults(), 2, 8, (chunk, read) -> { }))
                .isInstanceOf(InvalidDataException.class).hasMessage(file + ":5: expected 2 fields, found 1");
        Files.writeString(file, "x,y\n1,2\n3,4\n5,oops\n");
        assertThatThrownBy(() -> stream(file, CsvOptions.defaults().withKinds(Map.of("y", ColumnKind.NUMERIC)), 2, 8,
                (chunk, read) -> { }))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining(file + ":4: column 'y': expected a number, found 'oops'");
    }
}
