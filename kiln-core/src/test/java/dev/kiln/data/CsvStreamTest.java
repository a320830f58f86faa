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

/** Reading a CSV in chunks: the chunks add up to the whole file, and errors in a later chunk name the exact line. */
class CsvStreamTest {
    @TempDir
    Path dir;

    @Test
    void chunksAddUpToTheWholeFile() throws Exception {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 25; i++) {
            text.append(i).append(",\"a\nb").append(i % 3).append("\"\n");
        }
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        CsvOptions options = CsvOptions.defaults().withKinds(Map.of("x", ColumnKind.NUMERIC, "label", ColumnKind.CATEGORICAL));
        List<Frame> chunks = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        long rows = CsvReader.stream(file, options, 10, (chunk, read) -> {
            chunks.add(chunk);
            bytes.add(read);
        });
        assertThat(rows).isEqualTo(25);
        assertThat(chunks).extracting(Frame::rowCount).containsExactly(10, 10, 5);
        assertThat(bytes.get(2)).isEqualTo(Files.size(file));
        Frame whole = CsvReader.read(file, options);
        for (int c = 0; c < chunks.size(); c++) {
            for (int i = 0; i < chunks.get(c).rowCount(); i++) {
                assertThat(chunks.get(c).numeric("x").get(i)).isEqualTo(whole.numeric("x").get(c * 10 + i));
                assertThat(chunks.get(c).column("label").format(i)).isEqualTo(whole.column("label").format(c * 10 + i));
            }
        }
    }

    @Test
    void errorsInALaterChunkNameTheirLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x,y\n1,2\n3,4\n5,6\n7\n");
        assertThatThrownBy(() -> CsvReader.stream(file, CsvOptions.defaults(), 2, (chunk, read) -> { }))
                .isInstanceOf(InvalidDataException.class).hasMessage(file + ":5: expected 2 fields, found 1");
        Files.writeString(file, "x,y\n1,2\n3,4\n5,oops\n");
        assertThatThrownBy(() -> CsvReader.stream(file, CsvOptions.defaults().withKinds(Map.of("y", ColumnKind.NUMERIC)), 2,
                (chunk, read) -> { }))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining(file + ":4: column 'y': expected a number, found 'oops'");
    }
}
