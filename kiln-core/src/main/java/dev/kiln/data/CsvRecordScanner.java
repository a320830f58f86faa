package dev.kiln.data;

import java.nio.charset.StandardCharsets;

/**
 * Splits the UTF-8 bytes of a range of whole records into records and fields, in place: the tokenizing rules of
 * {@link CsvTokenizer} (RFC 4180 quoting, LF, CRLF or CR line ends, blank lines skipped, a quote is special only at
 * the start of a field) applied to bytes, with every byte outside ASCII checked to be well-formed UTF-8. Each
 * record's fields are left as {@code [start, end)} offsets into the bytes; a field holding a doubled quote is
 * marked so that its reader can undo the escaping. Lines are counted from 0 at the start of the range.
 *
 * <p>A malformed record (unterminated quote, a character after a closing quote, invalid UTF-8) is reported through
 * {@link #problem()} with the line of its first bad byte. After bad bytes the record is scanned to its end; after
 * a quoting error the scanner goes on after the end of that physical line (as {@link CsvSplit} assumes). Not
 * thread-safe.
 */
final class CsvRecordScanner {
    /** {@link #next} at the end of the range. */
    static final int END = -1;
    /** {@link #next} on a malformed record, described by {@link #problem()} and {@link #problemLine()}. */
    static final int MALFORMED = -2;

    private final byte[] bytes;
    private final int end;
    private final boolean atEndOfInput;
    private final byte delimiter;
    private final byte quote;
    private final String encoding;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] escaped;
    private int position;
    private int line;
    private int recordLine;
    private String problem;
    private int problemLine;
    private boolean endedInQuote;

    /**
     * A scanner over {@code bytes[from, end)}; {@code atEndOfInput} when nothing follows the range (an open quote
     * at its end is then unterminated), {@code width} the fields kept per record, {@code encoding} the name used
     * in messages about bad bytes.
     */
    CsvRecordScanner(byte[] bytes, int from, int end, boolean atEndOfInput, char delimiter, char quote, int width,
                     String encoding) {
        this.bytes = bytes;
        this.end = end;
        this.atEndOfInput = atEndOfInput;
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.encoding = encoding;
        this.starts = new int[width];
        this.ends = new int[width];
        this.escaped = new boolean[width];
        this.position = from;
    }

    /**
     * Scans the next record: its field count, {@link #END} at the end of the range (also when the range ends
     * inside a quoted field that input continues past: see {@link #endedInQuote()}), or {@link #MALFORMED}.
     */
    int next() {
        byte[] b = bytes;
        int p = skipBlankLines(position);
        if (p >= end) {
            position = p;
            return END;
        }
        recordLine = line;
        problem = null;
        int count = 0;
        while (true) {
            int fieldStart;
            int fieldEnd;
            boolean doubled = false;
            if (p < end && b[p] == quote) {
                int quoteLine = line;
                fieldStart = ++p;
                while (true) {
                    if (p >= end) {
                        if (!atEndOfInput) {
                            endedInQuote = true;
                            position = end;
                            return END;
                        }
                        return malformed(quoteLine, "unterminated quoted field", end);
                    }
                    byte c = b[p];
                    if (c == quote) {
                        if (p + 1 < end && b[p + 1] == quote) {
                            doubled = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    } else if (c < 0) {
                        p += checkUtf8(p);
                        continue;
                    }
                    p++;
                }
                fieldEnd = p++;
                if (p < end && b[p] != delimiter && b[p] != '\n' && b[p] != '\r') {
                    return malformed(line, "unexpected character '" + Utf8.characterAt(b, p, end)
                            + "' after a closing quote (a quote inside a quoted field is written twice)", p);
                }
            } else {
                fieldStart = p;
                while (p < end) {
                    byte c = b[p];
                    if (endsField(c, delimiter)) {
                        break;
                    }
                    if (c < 0) {
                        p += checkUtf8(p);
                        continue;
                    }
                    p++;
                }
                fieldEnd = p;
            }
            if (count < starts.length) {
                starts[count] = fieldStart;
                ends[count] = fieldEnd;
                escaped[count] = doubled;
            }
            count++;
            if (p < end && b[p] == delimiter) {
                p++;
                continue;
            }
            position = p < end ? lineEnd(p) : p;
            return problem == null ? count : MALFORMED;
        }
    }

    /**
     * For a caller that reads a plain record itself: skips blank lines and returns where the next record starts
     * (its line becomes {@link #recordLine()}), or {@link #END} at the end of the range. The caller either ends
     * the record with {@link #endRecord} or leaves it to {@link #next}, which then reads it from the same place.
     */
    int startRecord() {
        int p = skipBlankLines(position);
        position = p;
        recordLine = line;
        return p < end ? p : END;
    }

    /** Ends a record the caller read from {@link #startRecord()} up to {@code p}: the range's end or a line end. */
    void endRecord(int p) {
        position = p < end ? lineEnd(p) : p;
    }

    /** The end of the range. */
    int limit() {
        return end;
    }

    /** Whether byte {@code c} ends an unquoted field: the delimiter or a line end. */
    static boolean endsField(byte c, byte delimiter) {
        return c == delimiter || c == '\n' || c == '\r';
    }

    /**
     * Where the unquoted field at {@code b[p]} ends, by {@link #next}'s rule, or -1 when it holds bytes that are not
     * well-formed UTF-8 (which {@link #next} reports as a problem instead).
     */
    static int plainFieldEnd(byte[] b, int p, int end, byte delimiter) {
        while (p < end) {
            byte c = b[p];
            if (endsField(c, delimiter)) {
                break;
            }
            if (c < 0) {
                int n = Utf8.sequenceLength(b, p, end);
                if (n <= 0) {
                    return -1;
                }
                p += n;
            } else {
                p++;
            }
        }
        return p;
    }

    /**
     * The length of the UTF-8 sequence at {@code p}; a malformed one is recorded as the record's problem (the
     * first one counts) and skipped one byte at a time, so the record still ends where it should.
     */
    private int checkUtf8(int p) {
        int n = Utf8.sequenceLength(bytes, p, end);
        if (n > 0) {
            return n;
        }
        if (problem == null) {
            problem = "invalid " + encoding + " byte sequence";
            problemLine = line;
        }
        return 1;
    }

    private int skipBlankLines(int p) {
        while (p < end && (bytes[p] == '\n' || bytes[p] == '\r')) {
            p = lineEnd(p);
        }
        return p;
    }

    /** Counts the line ended at {@code p} (LF, CR or CRLF) and returns the position after it. */
    private int lineEnd(int p) {
        line++;
        return bytes[p] == '\r' && p + 1 < end && bytes[p + 1] == '\n' ? p + 2 : p + 1;
    }

    /**
     * Records a problem (unless an earlier byte of the record was already bad) and resumes after the end of the
     * physical line holding {@code at}.
     */
    private int malformed(int where, String message, int at) {
        if (problem == null) {
            problem = message;
            problemLine = where;
        }
        int p = at;
        while (p < end && bytes[p] != '\n') {
            if (bytes[p] == '\r' && (p + 1 >= end || bytes[p + 1] != '\n')) {
                break;
            }
            p++;
        }
        position = p < end ? lineEnd(p) : end;
        return MALFORMED;
    }

    /** Where the next record is looked for. */
    int position() {
        return position;
    }

    /** The line (from 0) on which the last record started. */
    int recordLine() {
        return recordLine;
    }

    /** The lines counted so far: at the end of the range, how many it holds. */
    int lines() {
        return line;
    }

    String problem() {
        return problem;
    }

    int problemLine() {
        return problemLine;
    }

    /** Whether the range ended inside a quoted field (a split that was not at a record boundary). */
    boolean endedInQuote() {
        return endedInQuote;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean escaped(int field) {
        return escaped[field];
    }

    byte[] bytes() {
        return bytes;
    }

    /** The field's text as a String (quotes undone), for messages. */
    String text(int field) {
        if (!escaped[field]) {
            return new String(bytes, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
        }
        return new String(unescaped(field, new byte[ends[field] - starts[field]]), 0, unescapedLength(field),
                StandardCharsets.UTF_8);
    }

    /** Copies an {@link #escaped} field into {@code scratch} with each doubled quote made single; returns the scratch. */
    byte[] unescaped(int field, byte[] scratch) {
        int n = 0;
        for (int i = starts[field]; i < ends[field]; i++) {
            scratch[n++] = bytes[i];
            if (bytes[i] == quote) {
                i++;
            }
        }
        return scratch;
    }

    /** The length of an {@link #escaped} field once its doubled quotes are made single. */
    int unescapedLength(int field) {
        int n = 0;
        for (int i = starts[field]; i < ends[field]; i++) {
            n++;
            if (bytes[i] == quote) {
                i++;
            }
        }
        return n;
    }
}
