package dev.kiln.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits delimited text into records, streaming: RFC 4180 quoting (delimiters, quotes written twice
 * and line breaks inside quotes), LF or CRLF line ends. Tracks the line on which each record starts so
 * that errors can name it. Unquoted fields are handed out in place from the read buffer, so reading
 * a record makes no String unless asked to. Not thread-safe.
 */
final class CsvTokenizer {
    private static final int BUFFER = 1 << 16;

    private final Reader reader;
    private final String source;
    private final char delimiter;
    private final char quote;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private char[] field = new char[256];
    private int fieldLength;

    CsvTokenizer(Reader reader, String source, char delimiter, char quote) {
        this.reader = reader;
        this.source = source;
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** The line on which the last record returned by {@link #next} started (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** The line being read (1-based): after a read error, the line where it happened. */
    long line() {
        return line;
    }

    /** Receives the fields of one record without a String per field. */
    @FunctionalInterface
    interface FieldSink {
        /** Field number {@code index} of the record is {@code chars[start, end)}; valid only during the call. */
        void field(int index, char[] chars, int start, int end);
    }

    /** The next record's fields into {@code out} (cleared first); false at the end of input. */
    boolean next(List<String> out) throws IOException {
        out.clear();
        return next((index, chars, start, end) -> out.add(new String(chars, start, end - start))) >= 0;
    }

    /**
     * Hands the next record's fields to {@code sink} in order and returns how many there were; -1 at
     * the end of input. An unquoted field inside the read buffer is handed out in place, without copying.
     */
    int next(FieldSink sink) throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') { // blank lines separate nothing
            endLine(c);
            c = read();
        }
        if (c < 0) {
            return -1;
        }
        recordLine = line;
        int count = 0;
        while (true) {
            if (c == quote) {
                fieldLength = 0;
                c = readQuoted();
                sink.field(count++, field, 0, fieldLength);
            } else {
                c = readUnquoted(c, sink, count++);
            }
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\n' || c == '\r') {
                endLine(c);
            }
            return count;
        }
    }

    /**
     * Reads an unquoted field whose first character {@code c} was just read (it may already end the
     * field), hands it to {@code sink} and returns the character after it.
     */
    private int readUnquoted(int c, FieldSink sink, int index) throws IOException {
        if (c < 0 || c == delimiter || c == '\n' || c == '\r') {
            sink.field(index, buffer, 0, 0);
            return c;
        }
        int start = position - 1;
        int i = position;
        while (i < limit) {
            char ch = buffer[i];
            if (ch == delimiter || ch == '\n' || ch == '\r') {
                sink.field(index, buffer, start, i);
                position = i + 1;
                return ch;
            }
            i++;
        }
        // the field runs past the buffer: collect it in the field scratch across refills
        fieldLength = 0;
        for (int k = start; k < limit; k++) {
            append(buffer[k]);
        }
        position = limit;
        c = read();
        while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
            append((char) c);
            c = read();
        }
        sink.field(index, field, 0, fieldLength);
        return c;
    }

    private void append(char c) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = c;
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted() throws IOException {
        long startLine = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new InvalidDataException(source + ":" + startLine + ": unterminated quoted field");
            }
            if (c == quote) {
                int after = read();
                if (after == quote) {
                    append(quote);
                    continue;
                }
                if (after >= 0 && after != delimiter && after != '\n' && after != '\r') {
                    throw new InvalidDataException(source + ":" + line + ": unexpected character '" + (char) after
                            + "' after a closing quote (a quote inside a quoted field is written twice)");
                }
                return after;
            }
            if (c == '\n') {
                line++;
            }
            append((char) c);
        }
    }

    /** Counts the line that {@code c} ends; after a CR, also consumes the LF of a CRLF pair. */
    private void endLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int next = read();
            if (next >= 0 && next != '\n') {
                position--; // not part of the line end: leave it for the next read
            }
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = reader.read(buffer, 0, BUFFER);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /** All records of {@code reader}, for small inputs and tests. */
    static List<List<String>> readAll(Reader reader, String source, char delimiter, char quote) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(reader, source, delimiter, quote);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        while (tokenizer.next(record)) {
            records.add(new ArrayList<>(record));
        }
        return records;
    }
}
