package dev.kiln.data.source;

import java.nio.MappedByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of a delimited text file into ranges of whole records, scanning once with the tokenizer's
 * quoting rules at byte level (delimiter and quote are ASCII, and UTF-8 never hides an ASCII byte inside a
 * multi-byte character), so that each range can be parsed on its own. Counts line feeds on the way so each range
 * knows the line its first record starts on.
 *
 * <p>Gives up (null) whenever the split might not match what the sequential tokenizer would do: a quote inside an
 * unquoted field, a character after a closing quote, a lone carriage return, an unterminated quote. The caller
 * then reads sequentially, which also yields the exact error message.
 */
final class CsvChunks {
    /** A range of whole records: bytes {@code [start, end)}, the first starting on line {@code firstLine}. */
    record Chunk(int start, int end, long firstLine) {
    }

    /** The header record's bytes and where the records after it start. */
    record Split(int headerStart, int headerEnd, List<Chunk> chunks) {
    }

    private CsvChunks() {
    }

    /** Ranges of about {@code target} bytes each, or null when the file must be read sequentially. */
    static Split split(MappedByteBuffer bytes, char delimiter, char quote, int target) {
        int n = bytes.limit();
        int start = n >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB && (bytes.get(2) & 0xFF) == 0xBF ? 3 : 0;
        if (start >= n || bytes.get(start) == '\n' || bytes.get(start) == '\r') {
            return null; // empty, or blank lines before the header: the sequential reader handles these
        }
        boolean fieldStart = true;
        boolean quoted = false;
        boolean afterQuote = false;
        long line = 1;
        int headerEnd = -1;
        int chunkStart = -1;
        long chunkLine = 0;
        List<Chunk> chunks = new ArrayList<>();
        for (int i = start; i < n; i++) {
            byte b = bytes.get(i);
            if (quoted) {
                if (b == quote) {
                    quoted = false;
                    afterQuote = true;
                } else if (b == '\n') {
                    line++;
                }
                continue;
            }
            if (afterQuote) {
                afterQuote = false;
                if (b == quote) { // a doubled quote inside a quoted field
                    quoted = true;
                    continue;
                }
                if (b != delimiter && b != '\n' && b != '\r') {
                    return null;
                }
            }
            if (b == quote) {
                if (!fieldStart) {
                    return null;
                }
                quoted = true;
                fieldStart = false;
            } else if (b == delimiter) {
                fieldStart = true;
            } else if (b == '\r') {
                if (i + 1 >= n || bytes.get(i + 1) != '\n') {
                    return null;
                }
            } else if (b == '\n') {
                line++;
                fieldStart = true;
                if (headerEnd < 0) {
                    headerEnd = i + 1;
                    chunkStart = i + 1;
                    chunkLine = line;
                } else if (i + 1 - chunkStart >= target) {
                    chunks.add(new Chunk(chunkStart, i + 1, chunkLine));
                    chunkStart = i + 1;
                    chunkLine = line;
                }
            } else {
                fieldStart = false;
            }
        }
        if (quoted || headerEnd < 0) {
            return null;
        }
        if (chunkStart < n) {
            chunks.add(new Chunk(chunkStart, n, chunkLine));
        }
        return new Split(start, headerEnd, chunks);
    }
}
