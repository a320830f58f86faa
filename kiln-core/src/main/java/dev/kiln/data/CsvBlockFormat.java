package dev.kiln.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What every block of one CSV file is read with: the column names, the forced kinds, the missing tokens as UTF-8
 * bytes, the delimiter and quote, the malformed-row policy, and the names used in messages. Immutable.
 */
final class CsvBlockFormat {
    final String source;
    final String encoding;
    final List<String> names;
    final int width;
    final char delimiter;
    final char quote;
    final CsvOptions.OnError onError;
    /** Per column: the forced kind, or null when it is inferred. */
    private final ColumnKind[] forced;
    private final byte[][] missing;
    /** True when some missing token is also a number, so missing must be checked before parsing. */
    private final boolean missingFirst;

    CsvBlockFormat(String source, String encoding, List<String> names, CsvOptions options) {
        this.source = source;
        this.encoding = encoding;
        this.names = List.copyOf(names);
        this.width = names.size();
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.onError = options.onError();
        this.forced = new ColumnKind[width];
        for (int j = 0; j < width; j++) {
            forced[j] = options.kinds().get(names.get(j));
        }
        this.missing = new byte[options.missingTokens().size()][];
        boolean numeric = false;
        int k = 0;
        for (String token : options.missingTokens()) {
            missing[k++] = token.getBytes(StandardCharsets.UTF_8);
            numeric |= !Double.isNaN(Values.parseNumber(token));
        }
        this.missingFirst = numeric;
    }

    ColumnKind forced(int column) {
        return forced[column];
    }

    /** Whether the column is read as numbers from the start (inferred columns start so; forced others never do). */
    boolean startsNumeric(int column) {
        return forced[column] == null || forced[column] == ColumnKind.NUMERIC;
    }

    boolean missingFirst() {
        return missingFirst;
    }

    /** Whether {@code bytes[start, end)} is one of the missing tokens. */
    boolean isMissing(byte[] bytes, int start, int end) {
        int length = end - start;
        for (byte[] token : missing) {
            if (token.length == length && Arrays.equals(token, 0, length, bytes, start, end)) {
                return true;
            }
        }
        return false;
    }

    /** {@code source:line: message}. */
    String at(long line, String message) {
        return source + ":" + line + ": " + message;
    }
}
