package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel CSV reader gives exactly the sequential reader's frame, or its exact error, on awkward files. */
class ParallelCsvTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("f" + System.nanoTime() + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void sameAsSequential(Path file, CsvOptions options) throws Exception {
        Throwable sequentialError = catchThrowable(() -> CsvReader.read(file, options));
        Throwable parallelError = catchThrowable(() -> ParallelCsv.read(file, options, 4, 0, 64));
        if (sequentialError != null) {
            assertThat(parallelError).isNotNull().hasMessage(sequentialError.getMessage()).isInstanceOf(sequentialError.getClass());
            return;
        }
        assertThat(parallelError).isNull();
        assertThat(ParallelCsv.read(file, options, 4, 0, 64)).isEqualTo(CsvReader.read(file, options));
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
        sameAsSequential(write(rows(3000, 1, true)), CsvOptions.defaults());
        sameAsSequential(write(rows(3000, 2, false)), CsvOptions.defaults());
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
        Frame frame = ParallelCsv.read(file, CsvOptions.defaults(), 4, 0, 64);
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
