package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block reader gives exactly the sequential character reader's frame, or its exact error, on awkward files,
 * with one thread or several and blocks small enough that quoted fields span block ends.
 */
class BlockCsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("f" + System.nanoTime() + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Frame sequential(Path file, CsvOptions options) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8); // small test files only
        try (Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            return CsvReader.read(reader, file.toString(), options);
        }
    }

    private static void sameAsSequential(Path file, CsvOptions options) throws Exception {
        Throwable sequentialError = catchThrowable(() -> sequential(file, options));
        int[][] settings = {{1, 7}, {1, 1 << 20}, {4, 61}, {4, 4096}}; // threads, block bytes
        for (int[] setting : settings) {
            int threads = setting[0];
            int block = setting[1];
            {
                Throwable blockError = catchThrowable(() -> CsvReader.readFile(file, options, StandardCharsets.UTF_8, threads, block));
                if (sequentialError != null) {
                    assertThat(blockError).as("threads %s, block %s", threads, block).isNotNull()
                            .hasMessage(sequentialError.getMessage()).isInstanceOf(sequentialError.getClass());
                    continue;
                }
                assertThat(blockError).as("threads %s, block %s", threads, block).isNull();
                assertThat(CsvReader.readFile(file, options, StandardCharsets.UTF_8, threads, block).frame())
                        .isEqualTo(sequential(file, options));
            }
        }
    }

    private static String rows(int n, long seed, boolean quotes) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("\uFEFFid,x,city,flag,when,note\r\n");
        String[] cities = {"Oslo", "Rome", "Lima", "\"New\nYork\"", "\"A,B\"", ""};
        for (int i = 0; i < n; i++) {
            out.append(i).append(',').append(random.nextInt(10) == 0 ? "" : Double.toString(random.nextGaussian()))
                    .append(',').append(cities[random.nextInt(quotes ? cities.length : 3)])
                    .append(',').append(random.nextBoolean()).append(',').append(i % 7 == 0 ? "NA" : "2024-01-0" + (1 + i % 9))
                    .append(',').append(quotes ? "\"say \"\"hi\"\" " + i + "\"" : "n" + (i % 40)).append("\r\n");
        }
        return out.toString();
    }

    @Test
    void matchesTheSequentialReaderOnQuotedMultiLineData() throws Exception {
        sameAsSequential(write(rows(1200, 1, true)), CsvOptions.defaults());
        sameAsSequential(write(rows(1200, 2, false)), CsvOptions.defaults());
        sameAsSequential(write(rows(500, 3, true)), CsvOptions.defaults().withKinds(Map.of("flag", ColumnKind.CATEGORICAL)));
    }

    @Test
    void settlesKindsOverTheWholeFile() throws Exception {
        StringBuilder text = new StringBuilder("a,b,c,d\n");
        for (int i = 0; i < 2000; i++) {
            // a: numbers, then one word at the end; b: empty early; c: few labels per range, many overall; d: labels repeat
            text.append(i == 1999 ? "word" : Integer.toString(i)).append(',').append(i < 1500 ? "" : "v" + (i % 3)).append(',')
                    .append("u").append(i).append(',').append("k").append(i % 60).append('\n');
        }
        Path file = write(text.toString());
        sameAsSequential(file, CsvOptions.defaults());
        Frame frame = CsvReader.readFile(file, CsvOptions.defaults(), StandardCharsets.UTF_8, 4, 64).frame();
        assertThat(frame.column("a").kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(frame.column("b").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(frame.column("c").kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(frame.column("d").kind()).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void badInputGivesTheSequentialReadersError() throws Exception {
        String good = rows(2000, 4, false);
        sameAsSequential(write(good + "1,2,3\n"), CsvOptions.defaults());
        sameAsSequential(write(good.replace("\r\n1000,", "\r\n1000,\"unterminated,")), CsvOptions.defaults());
        sameAsSequential(write(good.replace("\r\n1500,", "\r\n15\"00,")), CsvOptions.defaults());
        sameAsSequential(write(good), CsvOptions.defaults().withKinds(Map.of("city", ColumnKind.NUMERIC)));
        sameAsSequential(write("a,b\n"), CsvOptions.defaults());
        sameAsSequential(write(""), CsvOptions.defaults());
        sameAsSequential(write("\n\na,b\n1,2\n"), CsvOptions.defaults());
    }
}
