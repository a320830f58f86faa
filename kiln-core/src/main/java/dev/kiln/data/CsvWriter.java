package dev.kiln.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a {@link Frame} as RFC 4180 CSV with a header row; missing values are empty fields. */
public final class CsvWriter {
    /** {@link #writeRows} formats this many rows at a time before handing their text to the writer. */
    private static final int WRITE_BLOCK_ROWS = 4096;

    private CsvWriter() {
    }

    /** Writes {@code frame} to {@code path} atomically: a temporary file renamed into place. */
    public static void write(Frame frame, Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".kiln-", ".csv.tmp");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
            write(frame, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void write(Frame frame, Writer out) throws IOException {
        writeHeader(frame, out);
        writeRows(frame, out);
    }

    /** The header row of {@code frame}: its column names. */
    public static void writeHeader(Frame frame, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < frame.columnCount(); j++) {
            if (j > 0) {
                text.append(',');
            }
            appendField(frame.columns().get(j).name(), text);
        }
        out.append(text).write('\n');
    }

    /** The rows of {@code frame} without a header, for writing a file chunk by chunk; formatted a block of rows at a time. */
    public static void writeRows(Frame frame, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int from = 0; from < frame.rowCount(); from += WRITE_BLOCK_ROWS) {
            text.setLength(0);
            appendRows(frame, from, Math.min(frame.rowCount(), from + WRITE_BLOCK_ROWS), text);
            out.append(text);
        }
    }

    /**
     * The text {@link #writeRows(Frame, Writer)} writes for {@code frame}, as one string: for formatting chunks of
     * rows on worker threads and writing them in order on one.
     */
    public static String rowsText(Frame frame) {
        StringBuilder text = new StringBuilder(frame.rowCount() * 16 * Math.max(1, frame.columnCount()));
        appendRows(frame, 0, frame.rowCount(), text);
        return text.toString();
    }

    private static void appendRows(Frame frame, int from, int to, StringBuilder out) {
        int width = frame.columnCount();
        for (int i = from; i < to; i++) {
            for (int j = 0; j < width; j++) {
                if (j > 0) {
                    out.append(',');
                }
                String value = frame.columns().get(j).format(i);
                if (value != null) {
                    appendField(value, out);
                }
            }
            out.append('\n');
        }
    }

    private static void appendField(String value, StringBuilder out) {
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
