package dev.kiln.data;

/**
 * Where a block of CSV bytes may end so that it holds whole records. The quick way takes the last line feed, which
 * is a record boundary unless a quoted field spans lines across it; the block's parse detects that case
 * ({@link CsvRecordScanner#endedInQuote()}) and the reader then splits the rest of the file the careful way,
 * following the tokenizer's quoting states byte by byte. Stateless.
 */
final class CsvSplit {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE = 3;
    private static final int TO_LINE_END = 4;

    private CsvSplit() {
    }

    /** The position after the last line feed in {@code bytes[0, limit)}, or -1 when there is none. */
    static int quick(byte[] bytes, int limit) {
        for (int i = limit - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The position after the last line feed in {@code bytes[0, limit)} that ends a record (not inside quotes), or
     * -1; {@code bytes[0]} starts a record. A character after a closing quote makes the tokenizer skip to the end
     * of that line, and so does this scan.
     */
    static int careful(byte[] bytes, int limit, char delimiter, char quote) {
        byte d = (byte) delimiter;
        byte q = (byte) quote;
        int state = FIELD_START;
        int last = -1;
        for (int i = 0; i < limit; i++) {
            byte b = bytes[i];
            switch (state) {
                case QUOTED -> state = b == q ? AFTER_QUOTE : QUOTED;
                case AFTER_QUOTE -> {
                    if (b == q) {
                        state = QUOTED;
                    } else if (b == d || b == '\r') {
                        state = FIELD_START;
                    } else if (b == '\n') {
                        state = FIELD_START;
                        last = i + 1;
                    } else {
                        state = TO_LINE_END;
                    }
                }
                case TO_LINE_END -> {
                    if (b == '\n') {
                        state = FIELD_START;
                        last = i + 1;
                    } else if (b == '\r' && (i + 1 < limit && bytes[i + 1] != '\n')) {
                        state = FIELD_START;
                    }
                }
                default -> { // FIELD_START or UNQUOTED
                    if (b == q && state == FIELD_START) {
                        state = QUOTED;
                    } else if (b == d || b == '\r') {
                        state = FIELD_START;
                    } else if (b == '\n') {
                        state = FIELD_START;
                        last = i + 1;
                    } else {
                        state = UNQUOTED;
                    }
                }
            }
        }
        return last;
    }
}
