package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed rows under {@code on_error: skip}, files without a header row, other encodings and block streaming. */
class CsvReadOptionsTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static CsvRead read(Path file, CsvOptions options, int threads, int block) throws Exception {
        return CsvReader.readFile(file, options, StandardCharsets.UTF_8, threads, block);
    }

    @Test
    void skipDropsRaggedAndBadlyEncodedRowsAndCountsThem() throws Exception {
        byte[] bytes = concat(utf8("a,b\n1,x\n2,y,extra\n3\n4,"), new byte[] {(byte) 0xFF}, utf8("\n5,z\n6,\"ok\"\"\"\n"));
        Path file = write("bad.csv", bytes);
        CsvOptions skip = CsvOptions.defaults().withOnError(CsvOptions.OnError.SKIP);
        for (int[] setting : new int[][] {{1, 1 << 20}, {4, 5}}) {
            CsvRead read = read(file, skip, setting[0], setting[1]);
            assertThat(read.frame().rowCount()).isEqualTo(3);
            assertThat(read.frame().numeric("a").toArray()).containsExactly(1, 5, 6);
            assertThat(read.frame().column("b").format(2)).isEqualTo("ok\"");
            assertThat(read.skippedRows()).isEqualTo(3);
            assertThat(read.skipped()).containsExactly(file + ":3: expected 2 fields, found 3",
                    file + ":4: expected 2 fields, found 1", file + ":5: invalid UTF-8 byte sequence");
            assertThat(read.note("bad.csv")).startsWith("bad.csv: skipped 3 malformed row(s)");
        }
        assertThatThrownBy(() -> read(file, CsvOptions.defaults(), 1, 1 << 20))
                .isInstanceOf(InvalidDataException.class).hasMessage(file + ":3: expected 2 fields, found 3");
    }

    @Test
    void skipDropsAnUnterminatedQuoteAndACharacterAfterAClosingQuote() throws Exception {
        Path file = write("quotes.csv", utf8("a,b\n1,\"x\"y\n2,z\n3,\"never closed\n4,w\n"));
        CsvRead read = read(file, CsvOptions.defaults().withOnError(CsvOptions.OnError.SKIP), 1, 1 << 20);
        assertThat(read.frame().numeric("a").toArray()).containsExactly(2);
        assertThat(read.skippedRows()).isEqualTo(2);
        assertThat(read.skipped().get(0)).startsWith(file + ":2: unexpected character 'y' after a closing quote");
        assertThat(read.skipped().get(1)).isEqualTo(file + ":4: unterminated quoted field");
    }

    @Test
    void withoutAHeaderColumnsAreNumberedOrNamed() throws Exception {
        Path file = write("plain.csv", utf8("1,a\n2,b\n3,a\n"));
        Frame numbered = read(file, CsvOptions.defaults().withoutHeader(List.of()), 2, 4).frame();
        assertThat(numbered.names()).containsExactly("c0", "c1");
        assertThat(numbered.rowCount()).isEqualTo(3);
        assertThat(numbered.categorical("c1").levels()).containsExactly("a", "b");
        Frame named = read(file, CsvOptions.defaults().withoutHeader(List.of("id", "label"))
                .withKinds(Map.of("id", ColumnKind.CATEGORICAL)), 1, 1 << 20).frame();
        assertThat(named.names()).containsExactly("id", "label");
        assertThat(named.column("id").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThatThrownBy(() -> read(file, CsvOptions.defaults().withoutHeader(List.of("only")), 1, 1 << 20))
                .hasMessage(file + ":1: expected 1 fields, found 2");
        assertThatThrownBy(() -> CsvOptions.defaults().withoutHeader(List.of("x", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate column name 'x'");
    }

    @Test
    void otherEncodingsAndGzipGoThroughTheSameReader() throws Exception {
        Charset latin = Charset.forName("ISO-8859-1");
        Path file = write("latin.csv", "name,n\nJos\u00e9,1\nZo\u00eb,2\n".getBytes(latin));
        Frame frame = CsvReader.readFile(file, CsvOptions.defaults(), latin).frame();
        assertThat(frame.column("name").format(0)).isEqualTo("Jos\u00e9");
        Charset ascii = StandardCharsets.US_ASCII;
        assertThatThrownBy(() -> CsvReader.readFile(file, CsvOptions.defaults(), ascii))
                .hasMessage(file + ":2: invalid US-ASCII byte sequence");
        CsvRead skipped = CsvReader.readFile(file, CsvOptions.defaults().withOnError(CsvOptions.OnError.SKIP), ascii);
        assertThat(skipped.skippedRows()).isEqualTo(2);
        Path gz = dir.resolve("data.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(utf8("\uFEFFx,y\n1,a\n2,b\n"));
        }
        Frame unzipped = CsvReader.read(gz, CsvOptions.defaults());
        assertThat(unzipped.names()).containsExactly("x", "y");
        assertThat(unzipped.numeric("x").toArray()).containsExactly(1, 2);
    }

    @Test
    void streamBlocksHandsOnEveryRowInOrder() throws Exception {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",\"l").append(i % 3).append("\"\n");
        }
        Path file = write("s.csv", utf8(text.toString()));
        List<Frame> frames = new ArrayList<>();
        CsvOptions options = CsvOptions.defaults().withKinds(Map.of("x", ColumnKind.NUMERIC, "label", ColumnKind.CATEGORICAL));
        long rows = CsvReader.streamBlocks(file, options, (frame, bytes) -> frames.add(frame));
        assertThat(rows).isEqualTo(5000);
        double expected = 0;
        for (Frame frame : frames) {
            for (int i = 0; i < frame.rowCount(); i++) {
                assertThat(frame.numeric("x").get(i)).isEqualTo(expected++);
            }
        }
        assertThat(expected).isEqualTo(5000);
    }
}
