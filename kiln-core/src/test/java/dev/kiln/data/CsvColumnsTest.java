package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link CsvReader} keeps columns as numbers until they are not, and reads the text of early rows again. */
class CsvColumnsTest {
    @TempDir
    Path dir;

    /** {@code rows} rows of {@code n,late}: n always a number; late a number until row {@code turn}, then a word. */
    private Path lateText(int rows, int turn) throws IOException {
        StringBuilder text = new StringBuilder("n,late,fields\n");
        for (int i = 0; i < rows; i++) {
            String late = i < turn ? (i % 7 == 0 ? "" : i % 2 == 0 ? "1.50" : "2") : "word";
            text.append(i * 0.25).append(',').append(late).append(",\"a,").append(i % 3).append("\"\n");
        }
        Path file = dir.resolve("late.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aColumnThatTurnsToTextLateKeepsTheTextOfEveryRow() throws IOException {
        int rows = 5000;
        Path file = lateText(rows, 4321); // beyond the first growth of the buffers
        Frame frame = CsvReader.read(file, CsvOptions.defaults());
        assertThat(frame.column("n").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(frame.numeric("n").get(4)).isEqualTo(1.0);
        CategoricalColumn late = frame.categorical("late");
        assertThat(late.levels()).containsExactlyInAnyOrder("1.50", "2", "word");
        assertThat(late.format(2)).isEqualTo("1.50");
        assertThat(late.format(3)).isEqualTo("2");
        assertThat(late.isMissing(7)).isTrue();
        assertThat(late.format(rows - 1)).isEqualTo("word");
        assertThat(frame.categorical("fields").format(4)).isEqualTo("a,1");
    }

    @Test
    void fileAndReaderGiveTheSameFrame() throws IOException {
        Path file = lateText(3000, 2500);
        Frame fromFile = CsvReader.read(file, CsvOptions.defaults());
        Frame fromReader = CsvReader.read(new StringReader(Files.readString(file)), "late.csv", CsvOptions.defaults());
        assertThat(fromFile).isEqualTo(fromReader);
    }

    @Test
    void aRaggedRowIsReportedBeforeABadValueUnderAForcedKind() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,2\nx,3\n4\n");
        CsvOptions forced = CsvOptions.defaults().withKinds(Map.of("a", ColumnKind.NUMERIC));
        assertThatThrownBy(() -> CsvReader.read(file, forced)).hasMessage(file + ":4: expected 2 fields, found 1");
        Files.writeString(file, "a,b\n1,2\nx,3\ny,4\n");
        assertThatThrownBy(() -> CsvReader.read(file, forced)).hasMessage(file + ":3: column 'a': expected a number, found 'x'");
    }

    @Test
    void aNumericLookingMissingTokenIsMissing() throws IOException {
        Path file = dir.resolve("sentinel.csv");
        Files.writeString(file, "a\n1\n-999\n3\n");
        Frame frame = CsvReader.read(file, CsvOptions.defaults().withMissing(java.util.List.of("-999")));
        assertThat(frame.numeric("a").isMissing(1)).isTrue();
        assertThat(frame.numeric("a").get(2)).isEqualTo(3.0);
    }
}
