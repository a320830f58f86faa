package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    private static Frame sample() {
        return Frame.of(
                NumericColumn.of("num", new double[] {1.5, -2, Double.NaN, 0.1, 1.0 / 3, 1e20, 123456789012.0}),
                CategoricalColumn.ofLabels("cat", new String[] {"a,b", "say \"hi\"", "two\nlines", null, "a,b", "plain", "cr\r\nlf"}),
                TextColumn.of("text", new String[] {" padded ", "\"", ",", "x", null, "tab\there", "ünïcødé"}),
                CategoricalColumn.ofBooleans("flag", new int[] {1, 0, CategoricalColumn.MISSING, 1, 1, 0, 0}),
                TimestampColumn.of("time", new long[] {0L, 980_899_200_000L, TimestampColumn.MISSING, 1L, -86_400_000L, 5L, 6L}));
    }

    private static final Map<String, ColumnKind> KINDS = Map.of("num", ColumnKind.NUMERIC, "cat", ColumnKind.CATEGORICAL,
            "text", ColumnKind.TEXT, "flag", ColumnKind.BOOLEAN, "time", ColumnKind.TIMESTAMP);

    @Test
    void roundTripThroughReaderGivesTheSameFrame() throws IOException {
        Frame original = sample();
        Path file = dir.resolve("out.csv");
        CsvWriter.write(original, file);
        Frame back = CsvReader.read(file, CsvOptions.defaults().withKinds(KINDS));
        assertThat(back).isEqualTo(original);
    }

    @Test
    void roundTripInfersTheSameKinds() throws IOException {
        Frame original = Frame.of(
                NumericColumn.of("n", new double[] {0.28, 1000, Double.NaN}),
                CategoricalColumn.ofLabels("c", new String[] {"x, y", "z", "x, y"}),
                CategoricalColumn.ofBooleans("b", new int[] {0, 1, 1}),
                TimestampColumn.of("t", new long[] {980_899_200_000L, TimestampColumn.MISSING, 0L}));
        Path file = dir.resolve("inferred.csv");
        CsvWriter.write(original, file);
        assertThat(CsvReader.read(file, CsvOptions.defaults())).isEqualTo(original);
    }

    @Test
    void quotesOnlyFieldsThatNeedIt() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter.write(Frame.of(
                TextColumn.of("a,b", new String[] {"plain", "with,comma", "q\"uote", null}),
                NumericColumn.of("n", new double[] {1, 2.5, Double.NaN, -3})), out);
        assertThat(out.toString()).isEqualTo("\"a,b\",n\nplain,1\n\"with,comma\",2.5\n\"q\"\"uote\",\n,-3\n");
    }

    @Test
    void writeToPathLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("sub/out.csv");
        CsvWriter.write(sample(), file);
        CsvWriter.write(sample(), file); // replaces
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
    }

    @Test
    void rowsTextIsWhatWriteRowsWritesBlockByBlock() throws IOException {
        assertThat(CsvWriter.rowsText(sample())).startsWith("1.5,\"a,b\", padded ,true,");
        double[] values = new double[10_001]; // writeRows formats 4,096 rows at a time: three blocks, the last short
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5;
        }
        Frame many = Frame.of(NumericColumn.of("x", values));
        StringWriter out = new StringWriter();
        CsvWriter.writeRows(many, out);
        assertThat(out.toString()).isEqualTo(CsvWriter.rowsText(many)).startsWith("0\n0.5\n1\n").endsWith("\n5000\n");
        assertThat(out.toString().lines().count()).isEqualTo(10_001);
    }
}
