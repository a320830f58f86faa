package dev.kiln.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number straight from the bytes of a UTF-8 field, or from characters, without making a
 * String, with exactly the meaning of {@link Values#parseNumber}: the same values are numbers and they give
 * the same double. A field holding a byte outside ASCII is never a number; the slow path decodes bytes as
 * Latin-1, which keeps such a byte a character that is not a digit.
 *
 * <p>The fast path takes {@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 18 digits that form an
 * integer {@code m < 2^53} and a decimal exponent within ±22: {@code m} and {@code 10^|e|} are then exact
 * doubles, so one multiplication or division rounds correctly (Clinger, "How to read floating point numbers
 * accurately", 1990). Anything else goes to {@link Values#parseNumber}. {@link #scan} is stateless; the
 * {@code parse} methods use the reader's own scratch space, allocate nothing on the fast path, and are not
 * thread-safe: a CSV reader keeps one.
 */
final class ByteNumber {
    /** The most digits (leading zeros included) a long holds for certain. */
    private static final int MAX_DIGITS = 18;

    /** Where a field of characters is copied as bytes; longer fields take the slow path. */
    private final byte[] ascii = new byte[64];
    /** Where {@link #scan} leaves the number, reused from field to field. */
    private final double[] value = new double[1];

    /** The number written in {@code chars[start, end)}, or NaN when it is not one (see {@link Values#parseNumber}). */
    double parse(byte[] chars, int start, int end) {
        return scan(chars, start, end, value, 0) == end ? value[0] : slow(chars, start, end);
    }

    /**
     * Reads the fast path's number that starts at {@code chars[from]}, stopping at the first byte after it (or at
     * {@code end}): returns that position and puts the number in {@code out[at]}, or returns -1 when no number the
     * fast path reads exactly starts there (no digits, too many digits, a malformed or too long exponent). Where
     * {@code chars[from, stop)} is the whole field, the number is the one {@link #parse(byte[], int, int)} gives
     * it; a CSV reader takes the number and its end in one pass.
     */
    static int scan(byte[] chars, int from, int end, double[] out, int at) {
        int i = from;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        // every digit goes into the mantissa, leading zeros too; more than 18 might not fit, and past 2^53
        // exactDecimal declines
        long mantissa = 0;
        int firstDigit = i;
        for (; i < end; i++) {
            int d = chars[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            mantissa = mantissa * 10 + d;
        }
        int whole = i - firstDigit;
        int fraction = 0;
        if (i < end && chars[i] == '.') {
            int fractionStart = ++i;
            for (; i < end; i++) {
                int d = chars[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                mantissa = mantissa * 10 + d;
            }
            fraction = i - fractionStart;
        }
        if (whole + fraction == 0 || whole + fraction > MAX_DIGITS) {
            return -1;
        }
        int exponent = -fraction;
        if (i < end && (chars[i] == 'e' || chars[i] == 'E')) { // [+-] then 1 to 4 digits
            i++;
            boolean negativeExponent = false;
            if (i < end && (chars[i] == '-' || chars[i] == '+')) {
                negativeExponent = chars[i] == '-';
                i++;
            }
            int exponentStart = i;
            int written = 0;
            for (; i < end && isDigit(chars[i]); i++) {
                if (i - exponentStart == 4) {
                    return -1;
                }
                written = written * 10 + chars[i] - '0';
            }
            if (i == exponentStart) {
                return -1;
            }
            exponent += negativeExponent ? -written : written;
        }
        double value = mantissa == 0 ? 0 : Values.exactDecimal(mantissa, exponent);
        if (Double.isNaN(value)) {
            return -1;
        }
        out[at] = negative ? -value : value;
        return i;
    }

    /**
     * The number written in {@code chars[start, end)}, as {@link #parse(byte[], int, int)}: an ASCII field is copied
     * into this reader's bytes when it fits, anything else takes the slow path.
     */
    double parse(char[] chars, int start, int end) {
        int length = end - start;
        if (length > ascii.length) {
            return Values.parseNumber(new String(chars, start, length));
        }
        for (int i = 0; i < length; i++) {
            char c = chars[start + i];
            if (c > 127) {
                return Values.parseNumber(new String(chars, start, length));
            }
            ascii[i] = (byte) c;
        }
        return parse(ascii, 0, length);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static double slow(byte[] chars, int start, int end) {
        return Values.parseNumber(new String(chars, start, end - start, StandardCharsets.ISO_8859_1));
    }
}
