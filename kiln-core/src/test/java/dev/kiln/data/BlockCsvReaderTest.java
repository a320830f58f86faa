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
                    assertThat(blockError).as("threads %s, block %s: the sequential reader says %s", threads, block,
                            sequentialError.getMessage()).isNotNull()
                            .hasMessage(sequentialError.getMessage()).isInstanceOf(sequentialError.getClass());
                    continue;
                }
                assertThat(blockError).as("threads %s, block %s", threads, block).isNull();
                Frame read = CsvReader.readFile(file, options, StandardCharsets.UTF_8, threads, block).frame();
                assertThat(read).isEqualTo(sequential(file, options));
                for (Column column : read.columns()) { // the merge counts a numeric column's missing values as it copies
                    int missing = 0;
                    for (int i = 0; i < column.size(); i++) {
                        missing += column.isMissing(i) ? 1 : 0;
                    }
                    assertThat(column.missingCount()).as("threads %s, block %s: %s", threads, block, column.name()).isEqualTo(missing);
                }
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

    /** A field for a mostly numeric column: plain numbers, and every near miss of the one-pass number read. */
    private static String numberField(Random random) {
        String[] odd = {"", "NA", "-0", "0", "1e5", "1E-3", "+2.5", ".5", "5.", "1.5x", "-", "+", "1e", "1e+", "1e12345",
            "1e-0400", "0x10", "NaN", "Infinity", "12345678901234567890", "0.30000000000000004", " 1", "1 ", "1,5", "é1",
            "00012", "-.0", "1e22", "1e23", "9007199254740993", "123456789012345", "1234567890123456"};
        return switch (random.nextInt(4)) {
            case 0 -> odd[random.nextInt(odd.length)];
            case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
            default -> String.format(java.util.Locale.ROOT, "%." + random.nextInt(8) + "f", random.nextGaussian() * 100);
        };
    }

    private static String labelField(Random random) {
        String[] labels = {"a", "b", "é", "日本", "", "NA", "\"q\"", "x\"y", "\"a,b\"", "12"};
        return labels[random.nextInt(labels.length)];
    }

    /**
     * Files of mostly plain records (read in one pass straight into the columns) with every kind of record that is
     * not plain mixed in; the block reader must give the sequential reader's frame or error, value for value.
     */
    @Test
    void plainAndOtherRecordsMixedReadAsTheSequentialReaderDoes() throws Exception {
        for (long seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            int oddRate = 1 + random.nextInt(40); // one record in oddRate has near misses
            String newline = random.nextBoolean() ? "\n" : "\r\n";
            StringBuilder text = new StringBuilder("x,y,label,z").append(newline);
            int n = 50 + random.nextInt(400);
            for (int i = 0; i < n; i++) {
                boolean odd = random.nextInt(oddRate) == 0;
                String x = odd ? numberField(random) : Double.toString(random.nextGaussian());
                String y = odd ? numberField(random) : Integer.toString(random.nextInt(1000) - 500);
                String label = odd ? labelField(random) : "l" + random.nextInt(5);
                String z = odd ? numberField(random) : String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble());
                text.append(x).append(',').append(y).append(',').append(label).append(',').append(z);
                if (odd && random.nextInt(10) == 0) {
                    text.append(random.nextBoolean() ? ",extra" : "");
                }
                text.append(odd && random.nextInt(20) == 0 ? newline + newline : newline);
            }
            if (random.nextBoolean()) {
                text.setLength(text.length() - newline.length()); // no line end after the last record
            }
            Path file = write(text.toString());
            String context = "seed " + seed;
            try {
                sameAsSequential(file, CsvOptions.defaults());
                sameAsSequential(file, CsvOptions.defaults().withOnError(CsvOptions.OnError.SKIP));
                sameAsSequential(file, CsvOptions.defaults().withMissing(java.util.List.of("?")));
                sameAsSequential(file, CsvOptions.defaults().withKinds(Map.of("x", ColumnKind.NUMERIC)));
            } catch (AssertionError e) {
                throw new AssertionError(context + ": " + e.getMessage(), e);
            }
        }
    }

    /** A missing token that is itself a number ("-999") is checked before the number is read, plain record or not. */
    @Test
    void aNumericMissingTokenStillReadsAsMissing() throws Exception {
        Path file = write("a,b\n1,-999\n-999,2.5\n3,4\n");
        CsvOptions options = CsvOptions.defaults().withMissing(java.util.List.of("-999", ""));
        sameAsSequential(file, options);
        Frame frame = CsvReader.readFile(file, options, StandardCharsets.UTF_8, 1, 1 << 20).frame();
        assertThat(((NumericColumn) frame.column("b")).get(0)).isNaN();
    }

    /**
     * A non-ASCII delimiter sends a file through the sequential reader, which reads it twice when a column turns to
     * text; under {@code on_error: skip} it skips the ragged rows in both readings and reports them as the block
     * reader does.
     */
    @Test
    void theSequentialFileReaderSkipsRaggedRowsAsTheBlockReaderDoes() throws Exception {
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 300; i++) {
            // a word in a skipped row (47) changes no column's kind; one in a kept row (250) does
            text.append(i == 47 ? "ragged" : Integer.toString(i)).append(',').append(i == 250 ? "late text" : Integer.toString(i * 2));
            if (i % 50 != 9) { // a row of two fields
                text.append(",k").append(i % 3);
            }
            text.append(i % 40 == 7 ? ",extra\n" : "\n"); // a row of four

        }
        Path commas = write(text.toString());
        Path pipes = write(text.toString().replace(',', '\u00a6'));
        CsvOptions skip = CsvOptions.defaults().withOnError(CsvOptions.OnError.SKIP);
        CsvRead block = CsvReader.readFile(commas, skip, StandardCharsets.UTF_8, 2, 1 << 20);
        CsvRead sequential = CsvReader.readFile(pipes, skip.withDelimiter('\u00a6'), StandardCharsets.UTF_8);
        assertThat(block.skippedRows()).isGreaterThan(5);
        assertThat(sequential.frame()).isEqualTo(block.frame());
        assertThat(sequential.skippedRows()).isEqualTo(block.skippedRows());
        assertThat(sequential.skipped()).isEqualTo(block.skipped().stream().map(d -> d.replace(commas.toString(), pipes.toString())).toList());
        assertThat(sequential.frame().rowCount()).isEqualTo(300 - block.skippedRows());
        assertThat(sequential.frame().column("a").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(sequential.frame().column("b").kind()).isNotEqualTo(ColumnKind.NUMERIC); // read twice: numbers, then a word
        assertThat(catchThrowable(() -> CsvReader.readFile(pipes, CsvOptions.defaults().withDelimiter('\u00a6'), StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining(":9: expected 3 fields, found");
    }
}
