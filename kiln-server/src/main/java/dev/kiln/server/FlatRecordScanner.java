package dev.kiln.server;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.Values;
import dev.kiln.prep.RowLayout;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The commonest one-record body read straight from its bytes: a flat JSON object of known fields whose values are
 * numbers, unescaped strings, booleans or null. It fills the raw row exactly as {@link RecordPredictor}'s
 * streaming parse would (Jackson's values, bit for bit) without tokens, a parser or a String per field name, and
 * says "not mine" for everything else — an escape, a nested value, an unknown, repeated or missing field, a wrong
 * type, malformed JSON — which then goes to that parse, so whatever this scanner declines behaves as before. It
 * never accepts a body Jackson would reject: the grammar it takes is RFC 8259's, and a string it must decode is
 * decoded strictly.
 *
 * <p>Immutable and thread-safe; the caller's arrays carry the state.
 */
final class FlatRecordScanner {
    /** {@link #slotOf} value of a schema field the model does not read (its scalar value is skipped). */
    static final int IGNORED = -1;
    private static final int MAX_DIGITS = 15;
    /** Jackson's default limit on a number's length (StreamReadConstraints): a longer one is an error there. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final ByteKeys names;
    private final int[] slotOf;
    private final ColumnKind[] kinds;
    private final ByteKeys[] levels;

    /**
     * A scanner for fields {@code names} ({@code slotOf[k]}: the row slot of name {@code k}, or {@link #IGNORED}), slot
     * kinds {@code kinds} and, per slot, the category levels whose index is the slot's code.
     */
    FlatRecordScanner(List<String> names, int[] slotOf, ColumnKind[] kinds, List<List<String>> levels) {
        this.names = new ByteKeys(names);
        this.slotOf = slotOf.clone();
        this.kinds = kinds.clone();
        this.levels = levels.stream().map(ByteKeys::new).toArray(ByteKeys[]::new);
    }

    /**
     * Reads {@code body} into {@code row} (and the text of unseen categories and text slots into {@code texts});
     * true when it took the body and every slot was given once, false when the body is left to the full parse (then
     * {@code row}, {@code texts} and {@code seen} hold partial results that the full parse resets).
     */
    boolean scan(byte[] body, double[] row, String[] texts, boolean[] seen) {
        Arrays.fill(seen, false);
        Arrays.fill(texts, null);
        int n = body.length;
        int i = skip(body, 0);
        if (i >= n || body[i] != '{') {
            return false;
        }
        i = skip(body, i + 1);
        int given = 0;
        int expected = 0;
        if (i < n && body[i] == '}') {
            return false; // an empty record gives no slot
        }
        while (true) {
            if (i >= n || body[i] != '"') {
                return false;
            }
            int nameEnd = stringEnd(body, i + 1);
            if (nameEnd < 0) {
                return false;
            }
            // clients mostly send the fields in one order: try the name after the last one before hashing
            int k = names.matches(expected, body, i + 1, nameEnd) ? expected : names.find(body, i + 1, nameEnd);
            if (k < 0) {
                return false;
            }
            expected = k + 1;
            i = skip(body, nameEnd + 1);
            if (i >= n || body[i] != ':') {
                return false;
            }
            i = skip(body, i + 1);
            int slot = slotOf[k];
            i = slot == IGNORED ? skipScalar(body, i) : value(body, i, slot, row, texts, seen);
            if (i < 0) {
                return false;
            }
            if (slot != IGNORED) {
                given++;
            }
            i = skip(body, i);
            if (i >= n) {
                return false;
            }
            if (body[i] == '}') {
                break;
            }
            if (body[i] != ',') {
                return false;
            }
            i = skip(body, i + 1);
        }
        return given == seen.length && skip(body, i + 1) == n;
    }

    /** Reads the value at {@code i} into slot {@code slot}; the index after it, or -1 when the body is not ours. */
    private int value(byte[] b, int i, int slot, double[] row, String[] texts, boolean[] seen) {
        if (seen[slot] || i >= b.length) {
            return -1;
        }
        seen[slot] = true;
        if (literal(b, i, "null")) {
            row[slot] = Double.NaN;
            return i + 4;
        }
        switch (kinds[slot]) {
            case NUMERIC -> {
                return number(b, i, row, slot);
            }
            case CATEGORICAL -> {
                if (b[i] != '"') {
                    return -1;
                }
                int end = stringEnd(b, i + 1);
                if (end < 0) {
                    return -1;
                }
                int code = levels[slot].find(b, i + 1, end);
                if (code >= 0) {
                    row[slot] = code;
                } else {
                    String text = decode(b, i + 1, end);
                    if (text == null) {
                        return -1;
                    }
                    row[slot] = RowLayout.UNSEEN;
                    texts[slot] = text;
                }
                return end + 1;
            }
            case BOOLEAN -> {
                if (literal(b, i, "true")) {
                    row[slot] = 1;
                    return i + 4;
                }
                if (literal(b, i, "false")) {
                    row[slot] = 0;
                    return i + 5;
                }
                return -1;
            }
            case TIMESTAMP, TEXT -> {
                if (b[i] != '"') {
                    return -1;
                }
                int end = stringEnd(b, i + 1);
                String text = end < 0 ? null : decode(b, i + 1, end);
                if (text == null) {
                    return -1;
                }
                if (kinds[slot] == ColumnKind.TEXT) {
                    row[slot] = Double.NaN;
                    texts[slot] = text;
                } else {
                    long instant = Values.parseTimestamp(text);
                    if (instant == TimestampColumn.MISSING) {
                        return -1;
                    }
                    row[slot] = instant;
                }
                return end + 1;
            }
            default -> {
                return -1;
            }
        }
    }

    /**
     * A JSON number at {@code i} into {@code row[slot]}, as Jackson reads it: an integer as the double of its long
     * (so {@code -0} is 0.0), a fraction or exponent correctly rounded. It is read in the same pass that checks its
     * grammar: with at most 15 significant digits and a decimal exponent within ±22, {@link Values#exactDecimal}; other
     * numbers are read by {@link Double#parseDouble}, which rounds correctly too. Returns the index after the
     * number, or -1 when there is none or it is beyond the doubles.
     */
    private static int number(byte[] b, int i, double[] row, int slot) {
        int n = b.length;
        int start = i;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= n || !digit(b[i])) {
            return -1;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        if (b[i] == '0') {
            i++;
            if (i < n && digit(b[i])) {
                return -1; // a leading zero
            }
        } else {
            for (; i < n && digit(b[i]); i++) {
                significant++;
                mantissa = mantissa * 10 + (b[i] - '0');
            }
        }
        boolean integer = true;
        if (i < n && b[i] == '.') {
            integer = false;
            i++;
            if (i >= n || !digit(b[i])) {
                return -1;
            }
            for (; i < n && digit(b[i]); i++) {
                exponent--;
                if (significant > 0 || b[i] != '0') {
                    significant++;
                    mantissa = mantissa * 10 + (b[i] - '0');
                }
            }
        }
        boolean exact = significant <= MAX_DIGITS;
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            integer = false;
            i++;
            boolean minus = false;
            if (i < n && (b[i] == '+' || b[i] == '-')) {
                minus = b[i] == '-';
                i++;
            }
            if (i >= n || !digit(b[i])) {
                return -1;
            }
            int e = 0;
            for (; i < n && digit(b[i]); i++) {
                e = Math.min(100_000, e * 10 + (b[i] - '0'));
            }
            exponent += minus ? -e : e;
        }
        if (i < n && !delimiter(b[i]) || i - start > MAX_NUMBER_LENGTH) {
            return -1;
        }
        double value;
        if (integer && exact) {
            value = negative ? -mantissa : mantissa; // a long's double: -0 is 0.0, as Jackson's int token gives
        } else if (exact && mantissa == 0) {
            value = negative ? -0.0 : 0.0;
        } else {
            value = exact ? Values.exactDecimal(mantissa, exponent) : Double.NaN;
            if (!Double.isNaN(value)) {
                value = negative ? -value : value;
            } else {
                // the correctly rounded double of the exact decimal: what Jackson gives a long integer (the double of
                // its long, or of its BigInteger) and a fraction alike
                value = Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
                if (Double.isInfinite(value)) {
                    return -1; // beyond the doubles: the streaming parse reports it
                }
            }
        }
        row[slot] = value;
        return i;
    }

    /** The index after the scalar at {@code i} (a number, an unescaped string, a literal), or -1. */
    private static int skipScalar(byte[] b, int i) {
        if (i >= b.length) {
            return -1;
        }
        if (b[i] == '"') {
            int end = stringEnd(b, i + 1);
            return end < 0 || decode(b, i + 1, end) == null ? -1 : end + 1;
        }
        if (literal(b, i, "null") || literal(b, i, "true")) {
            return i + 4;
        }
        if (literal(b, i, "false")) {
            return i + 5;
        }
        return number(b, i, new double[1], 0);
    }

    /** The index of the closing quote of a string whose text starts at {@code i}; -1 for an escape, a control character or no end. */
    private static int stringEnd(byte[] b, int i) {
        for (; i < b.length; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return -1;
            }
        }
        return -1;
    }

    /** The UTF-8 text of {@code b[from, to)}, or null when it is not valid UTF-8. */
    private static String decode(byte[] b, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = b[i] >= 0;
        }
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean literal(byte[] b, int i, String word) {
        int n = word.length();
        if (i + n > b.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return i + n == b.length || delimiter(b[i + n]);
    }

    /** A byte that may follow a number or literal: whitespace, a comma or a closing brace or bracket. */
    private static boolean delimiter(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '}' || c == ']';
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** The index of the first byte from {@code i} that is not JSON whitespace. */
    private static int skip(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    /**
     * Strings looked up by their UTF-8 bytes without decoding them: an open-addressing table of the keys' encodings;
     * a key given twice keeps its first index. Immutable.
     */
    static final class ByteKeys {
        private final byte[][] keys;
        private final int[] index;
        private final int mask;
        /** Each string's encoding by its index; null for a repeat of an earlier one. */
        private final byte[][] byIndex;

        ByteKeys(List<String> strings) {
            int size = Integer.highestOneBit(Math.max(4, strings.size() * 2) - 1) << 1;
            keys = new byte[size][];
            index = new int[size];
            mask = size - 1;
            byIndex = new byte[strings.size()][];
            for (int k = 0; k < strings.size(); k++) {
                byte[] key = strings.get(k).getBytes(StandardCharsets.UTF_8);
                if (find(key, 0, key.length) >= 0) {
                    continue; // a repeated string keeps its first index
                }
                byIndex[k] = key;
                int at = hash(key, 0, key.length) & mask;
                while (keys[at] != null) {
                    at = (at + 1) & mask;
                }
                keys[at] = key;
                index[at] = k;
            }
        }

        /** Whether {@link #find} gives {@code k} (any int) for {@code b[from, to)}: one comparison, no hash. */
        boolean matches(int k, byte[] b, int from, int to) {
            return k < byIndex.length && byIndex[k] != null && Arrays.equals(byIndex[k], 0, byIndex[k].length, b, from, to);
        }

        /** The index of the key whose bytes are {@code b[from, to)}, or -1. */
        int find(byte[] b, int from, int to) {
            int at = hash(b, from, to) & mask;
            for (byte[] key = keys[at]; key != null; at = (at + 1) & mask, key = keys[at]) {
                if (Arrays.equals(key, 0, key.length, b, from, to)) {
                    return index[at];
                }
            }
            return -1;
        }

        private static int hash(byte[] b, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 16);
        }
    }
}
