package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading chunks one ahead on another thread: the same chunks in the same order as {@link CsvReader#stream},
 * the reader's errors unchanged, and a sink's error stops the reader. Also: rows formatted in parallel
 * are the same text as rows formatted one by one.
 */
class CsvPrefetchTest {
    @TempDir
    Path dir;

    private Path file(int rows) throws IOException {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < rows; i++) {
            text.append(i % 7 == 0 ? "" : Double.toString(i / 3.0)).append(",\"a,").append(i % 5).append("\"\n");
        }
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void givesTheChunksOfTheReaderInOrder() throws Exception {
        Path file = file(1000);
        CsvOptions options = CsvOptions.defaults().withKinds(Map.of("x", ColumnKind.NUMERIC));
        List<String> expected = new ArrayList<>();
        long rows = CsvReader.stream(file, options, 64, (chunk, read) -> expected.add(text(chunk) + "@" + read));
        List<String> actual = new ArrayList<>();
        long prefetched = CsvPrefetch.stream(file, options, 64, (chunk, read) -> actual.add(text(chunk) + "@" + read));
        assertThat(prefetched).isEqualTo(rows).isEqualTo(1000);
        assertThat(actual).isEqualTo(expected).hasSize(16);
    }

    @Test
    void reportsTheReadersErrorsAndStopsOnTheSinks() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3,4\n5,6\n7\n");
        assertThatThrownBy(() -> CsvPrefetch.stream(bad, CsvOptions.defaults(), 2, (chunk, read) -> { }))
                .isInstanceOf(InvalidDataException.class).hasMessage(bad + ":5: expected 2 fields, found 1");
        Path file = file(1000);
        int[] seen = new int[1];
        assertThatThrownBy(() -> CsvPrefetch.stream(file, CsvOptions.defaults(), 10, (chunk, read) -> {
            if (++seen[0] == 3) {
                throw new IOException("disk full");
            }
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(seen[0]).isEqualTo(3);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("kiln-csv-prefetch") && t.isAlive());
    }

    @Test
    void rowsWrittenInParallelAreTheSameText() throws Exception {
        Frame frame = CsvReader.read(file(20_000), CsvOptions.defaults());
        StringWriter sequential = new StringWriter();
        CsvWriter.writeRows(frame, sequential);
        StringWriter parallel = new StringWriter();
        CsvWriter.writeRowsParallel(frame, parallel);
        assertThat(parallel.toString()).isEqualTo(sequential.toString()).contains("\"a,3\"");
    }

    private static String text(Frame frame) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter.write(frame, out);
        return out.toString();
    }
}
