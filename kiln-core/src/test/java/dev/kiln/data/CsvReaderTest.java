package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static Frame read(Path file) throws IOException {
        return CsvReader.read(file, CsvOptions.defaults());
    }

    private static List<String> labels(Column column) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < column.size(); i++) {
            out.add(column.format(i));
        }
        return out;
    }

    @Test
    void headerNamesTheColumnsInOrderStripped() throws IOException {
        Path file = write("h.csv", " id , name,score\n1,a,2\n");
        assertThat(CsvReader.header(file, ',')).containsExactly("id", "name", "score");
        assertThat(read(file).names()).containsExactly("id", "name", "score");
    }

    @Test
    void headerOfTabSeparatedFile() throws IOException {
        Path file = write("h.tsv", "a\tb,c\n1\t2\n");
        assertThat(CsvReader.header(file, '\t')).containsExactly("a", "b,c");
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        Path file = write("q.csv", "id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"line1\nline2\"\n4,plain\n");
        Frame frame = read(file);
        assertThat(frame.rowCount()).isEqualTo(4);
        assertThat(labels(frame.column("text"))).containsExactly("a, b", "say \"hi\"", "line1\nline2", "plain");
        assertThat(frame.numeric("id").toArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void errorAfterMultiLineRecordNamesThePhysicalLine() throws IOException {
        // line 1 header, line 2 record 1, lines 3-5 record 2 (two embedded newlines), line 6 the ragged record
        Path file = write("m.csv", "id,text\n1,x\n2,\"a\nb\nc\"\n3,y,extra\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":6: expected 2 fields, found 3");
    }

    @Test
    void crlfAndLfAndNoFinalNewlineReadTheSame() throws IOException {
        Frame lf = read(write("lf.csv", "a,b\n1,x\n2,y\n"));
        Frame crlf = read(write("crlf.csv", "a,b\r\n1,x\r\n2,y\r\n"));
        Frame noFinal = read(write("nofinal.csv", "a,b\r\n1,x\r\n2,y"));
        Frame mixed = read(write("mixed.csv", "a,b\n1,x\r\n2,y"));
        assertThat(lf.rowCount()).isEqualTo(2);
        assertThat(labels(lf.column("b"))).containsExactly("x", "y");
        assertThat(crlf).isEqualTo(lf);
        assertThat(noFinal).isEqualTo(lf);
        assertThat(mixed).isEqualTo(lf);
    }

    @Test
    void crlfInsideQuotesIsKept() throws IOException {
        Frame frame = read(write("q.csv", "a,b\r\n1,\"x\r\ny\"\r\n"));
        assertThat(labels(frame.column("b"))).containsExactly("x\r\ny");
    }

    @Test
    void blankTrailingLinesAreNotRows() throws IOException {
        Frame frame = read(write("blank.csv", "a,b\n1,2\n3,4\n\n\r\n"));
        assertThat(frame.rowCount()).isEqualTo(2);
        assertThat(frame.numeric("b").toArray()).containsExactly(2, 4);
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        byte[] body = "id,v\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Path file = write("bom.csv", bytes);
        assertThat(read(file).names()).containsExactly("id", "v");
        assertThat(CsvReader.header(file, ',')).containsExactly("id", "v");
    }

    @Test
    void gzipFilesAreDecompressed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8));
        }
        Frame frame = read(write("data.csv.gz", bytes.toByteArray()));
        assertThat(frame.names()).containsExactly("a", "b");
        assertThat(frame.numeric("a").toArray()).containsExactly(1, 2);
        assertThat(labels(frame.column("b"))).containsExactly("x", "y");
    }

    @Test
    void raggedRowNamesFileLineAndCounts() throws IOException {
        Path file = write("r.csv", "a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":3: expected 3 fields, found 2");
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() throws IOException {
        Path file = write("u.csv", "a,b\n1,2\n3,\"open\n4,5\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":3: unterminated quoted field");
    }

    @Test
    void characterAfterClosingQuoteIsRejected() throws IOException {
        Path file = write("c.csv", "a,b\n1,\"x\"y\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file + ":2: unexpected character 'y' after a closing quote");
    }

    @Test
    void invalidUtf8NamesTheFileAndALine() throws IOException {
        byte[] head = "a,b\n1,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = (byte) 0xFE;
        bytes[head.length + 2] = '\n';
        Path file = write("bad.csv", bytes);
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":2: invalid UTF-8 byte sequence");
        assertThat(CsvReader.header(file, ',')).containsExactly("a", "b"); // the header itself is valid
    }

    @Test
    void truncatedSequenceAtTheEndIsInvalidUtf8() throws IOException {
        byte[] bytes = concat("a\n1\n2\n".getBytes(StandardCharsets.UTF_8), new byte[] {'x', (byte) 0xE2, (byte) 0x82});
        Path file = write("cut.csv", bytes);
        assertThatThrownBy(() -> read(file)).hasMessage(file + ":4: invalid UTF-8 byte sequence");
    }

    @Test
    void invalidUtf8NamesThePhysicalLineOfTheBadByte() throws IOException {
        // line 1 header, lines 2-3 a quoted two-line record, line 4 holds the bad byte
        byte[] bytes = concat("a,b\n1,\"x\ny\"\n2,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '\n'});
        Path file = write("bad4.csv", bytes);
        assertThatThrownBy(() -> read(file)).hasMessage(file + ":4: invalid UTF-8 byte sequence");
    }

    @Test
    void invalidUtf8DeepInALargeFileNamesItsLine() throws IOException {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 2; i < 10_000; i++) {
            text.append(i).append(",n\u00e9\u00e9").append(i).append('\n'); // lines 2 to 9999, ~130 kB in all
        }
        byte[] bytes = concat(text.toString().getBytes(StandardCharsets.UTF_8),
                new byte[] {'1', ',', (byte) 0xFF, '\n', '2', ',', 'x', '\n'});
        Path file = write("big.csv", bytes);
        assertThatThrownBy(() -> read(file)).hasMessage(file + ":10000: invalid UTF-8 byte sequence");
    }

    @Test
    void multiByteCharactersAcrossBufferBoundariesAreDecoded() throws IOException {
        String value = "\u00e9\ud83d\ude00\u20ac".repeat(30_000); // 2-, 4- and 3-byte sequences, ~270 kB
        Frame frame = CsvReader.read(write("wide.csv", "a,t\n1,\"" + value + "\"\n2,x\n"),
                CsvOptions.defaults().withKinds(Map.of("t", ColumnKind.TEXT)));
        assertThat(((TextColumn) frame.column("t")).get(0)).isEqualTo(value);
        assertThat(frame.rowCount()).isEqualTo(2);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void duplicateHeaderNamesAreRejected() throws IOException {
        Path file = write("d.csv", "a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":1: duplicate column name 'a'");
        Path spaced = write("d2.csv", "a, a\n1,2\n");
        assertThatThrownBy(() -> read(spaced)).hasMessage(spaced + ":1: duplicate column name 'a'");
    }

    @Test
    void emptyHeaderNameIsRejected() throws IOException {
        Path file = write("e.csv", "a,,c\n1,2,3\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":1: header field 2 is empty, expected a column name");
        assertThatThrownBy(() -> CsvReader.header(file, ','))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("header field 2 is empty");
    }

    @Test
    void emptyAndMissingFilesAreReported() throws IOException {
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> read(empty)).isInstanceOf(InvalidDataException.class)
                .hasMessage(empty + ": empty file, expected a header row");
        Path absent = dir.resolve("absent.csv");
        assertThatThrownBy(() -> read(absent)).isInstanceOf(InvalidDataException.class)
                .hasMessage(absent + ": no such file");
    }

    @Test
    void defaultMissingTokensAreMissing() throws IOException {
        Frame frame = read(write("m.csv", "x,y\n1,a\n,b\nNA,c\nN/A,d\nNaN,e\nnull,f\n2,NA\n"));
        NumericColumn x = frame.numeric("x");
        assertThat(x.missingCount()).isEqualTo(5);
        assertThat(x.get(0)).isEqualTo(1.0);
        assertThat(x.get(6)).isEqualTo(2.0);
        assertThat(frame.column("y").isMissing(6)).isTrue();
        assertThat(frame.column("y").missingCount()).isEqualTo(1);
    }

    @Test
    void quotedEmptyFieldIsMissingToo() throws IOException {
        Frame frame = read(write("q.csv", "x,y\n1,\"\"\n2,b\n"));
        assertThat(frame.column("y").isMissing(0)).isTrue();
    }

    @Test
    void missingTokensAreMatchedExactly() throws IOException {
        // "na" and " NA" are not missing tokens: the column becomes categorical
        Frame frame = read(write("m.csv", "x\n1\nna\n"));
        assertThat(frame.column("x").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(frame.column("x").missingCount()).isZero();
    }

    @Test
    void extraMissingTokens() throws IOException {
        Path file = write("q.csv", "x\n1\n?\n3\n");
        Frame plain = read(file);
        assertThat(plain.column("x").kind()).isEqualTo(ColumnKind.CATEGORICAL);

        Frame withQuestion = CsvReader.read(file, CsvOptions.defaults().withMissing(List.of("?")));
        NumericColumn x = withQuestion.numeric("x");
        assertThat(x.isMissing(1)).isTrue();
        assertThat(x.get(0)).isEqualTo(1.0);
        assertThat(x.get(2)).isEqualTo(3.0);
        // the defaults still apply
        Frame both = CsvReader.read(write("q2.csv", "x\n?\nNA\n5\n"), CsvOptions.defaults().withMissing(List.of("?")));
        assertThat(both.numeric("x").missingCount()).isEqualTo(2);
    }

    @Test
    void forcedKindsOverrideInference() throws IOException {
        Path file = write("k.csv", "klass,n\n3,1\n1,2\n3,3\n");
        Frame frame = CsvReader.read(file, CsvOptions.defaults().withKinds(Map.of("klass", ColumnKind.CATEGORICAL)));
        CategoricalColumn klass = frame.categorical("klass");
        assertThat(klass.levels()).containsExactly("3", "1");
        assertThat(klass.toCodes()).containsExactly(0, 1, 0);
        assertThat(frame.column("n").kind()).isEqualTo(ColumnKind.NUMERIC);

        Frame text = CsvReader.read(file, CsvOptions.defaults().withKinds(Map.of("n", ColumnKind.TEXT)));
        assertThat(text.column("n")).isInstanceOf(TextColumn.class);
    }

    @Test
    void badValueUnderForcedKindNamesFileLineColumnAndValue() throws IOException {
        Path file = write("b.csv", "c,d\n1,a\n2,\"b\nc\"\nx,d\n");
        assertThatThrownBy(() -> CsvReader.read(file, CsvOptions.defaults().withKinds(Map.of("c", ColumnKind.NUMERIC))))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":5: column 'c': expected a number, found 'x'");
        assertThatThrownBy(() -> CsvReader.read(file, CsvOptions.defaults().withKinds(Map.of("d", ColumnKind.BOOLEAN))))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(file + ":2: column 'd': expected true or false, found 'a'");
    }

    @Test
    void kindsAreInferred() throws IOException {
        Path file = write("k.csv", String.join("\n",
                "num,flag,day,moment,cat",
                ".28,true,2001-01-31,2001-01-31 08:05:00,red",
                "1e3,FALSE,2001-02-01,2001-02-01 23:59:59,blue",
                "-4,false,,2001-02-02 00:00:00,red",
                ""));
        Frame frame = read(file);
        assertThat(frame.columns().stream().map(Column::kind)).containsExactly(
                ColumnKind.NUMERIC, ColumnKind.BOOLEAN, ColumnKind.TIMESTAMP, ColumnKind.TIMESTAMP, ColumnKind.CATEGORICAL);
        assertThat(frame.numeric("num").toArray()).containsExactly(0.28, 1000.0, -4.0);
        assertThat(frame.categorical("flag").toCodes()).containsExactly(1, 0, 0);
        TimestampColumn day = (TimestampColumn) frame.column("day");
        assertThat(day.get(0)).isEqualTo(980_899_200_000L); // 2001-01-31T00:00:00Z
        assertThat(day.isMissing(2)).isTrue();
        TimestampColumn moment = (TimestampColumn) frame.column("moment");
        assertThat(moment.get(0)).isEqualTo(980_899_200_000L + (8 * 60 + 5) * 60_000L);
    }

    @Test
    void allMissingColumnIsNumeric() throws IOException {
        Frame frame = read(write("a.csv", "a,b\n1,\n2,NA\n"));
        assertThat(frame.column("b").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(frame.column("b").missingCount()).isEqualTo(2);
    }

    @Test
    void manyDistinctStringsAreText() throws IOException {
        StringBuilder text = new StringBuilder("s\n");
        for (int i = 0; i < 60; i++) {
            text.append("v").append(i % 51).append('\n'); // 51 distinct of 60 present
        }
        assertThat(read(write("t.csv", text.toString())).column("s").kind()).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void manyDistinctButRepeatedStringsAreCategorical() throws IOException {
        StringBuilder text = new StringBuilder("s\n");
        for (int i = 0; i < 102; i++) {
            text.append("v").append(i % 51).append('\n'); // 51 distinct of 102 present: not more than half
        }
        assertThat(read(write("c.csv", text.toString())).column("s").kind()).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void titanic() throws IOException {
        Frame frame = read(Path.of("../examples/titanic/data/titanic.csv"));
        assertThat(frame.rowCount()).isEqualTo(891);
        assertThat(frame.columnCount()).isEqualTo(12);
        assertThat(frame.names()).containsExactly("PassengerId", "Survived", "Pclass", "Name", "Sex", "Age",
                "SibSp", "Parch", "Ticket", "Fare", "Cabin", "Embarked");
        NumericColumn id = frame.numeric("PassengerId");
        assertThat(id.missingCount()).isZero();
        for (int i = 0; i < 891; i++) {
            assertThat(id.get(i)).isEqualTo(i + 1.0);
        }
        assertThat(frame.column("Age").missingCount()).isEqualTo(177);
        assertThat(frame.column("Cabin").missingCount()).isEqualTo(687);
        assertThat(frame.column("Embarked").missingCount()).isEqualTo(2);
        assertThat(frame.column("Name").kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(frame.column("Sex").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(frame.categorical("Sex").levels()).containsExactlyInAnyOrder("male", "female");
        assertThat(((TextColumn) frame.column("Name")).get(0)).isEqualTo("Braund, Mr. Owen Harris");
    }
}
