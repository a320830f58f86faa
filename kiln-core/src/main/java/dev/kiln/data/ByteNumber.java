package dev.kiln.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number straight from the bytes of a UTF-8 field, or from characters, without making a
 * String, with exactly the meaning of {@link Values#parseNumber}: the same values are numbers and they give
 * the same double. A field holding a byte outside ASCII is never a number; the slow path decodes bytes as
 * Latin-1, which keeps such a byte a character that is not a digit.
 *
 * <p>The fast path takes {@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 15 significant
 * digits and a decimal exponent within ±22: the digits then form an exact integer {@code m < 2^53} and
 * {@code 10^|e|} is an exact double, so one multiplication or division rounds correctly (Clinger,
 * "How to read floating point numbers accurately", 1990). Anything else goes to
 * {@link Values#parseNumber}. Stateless.
 */
final class ByteNumber {
    private static final int MAX_DIGITS = 15;

    private ByteNumber() {
    }

    /** The number written in {@code chars[start, end)}, or NaN when it is not one (see {@link Values#parseNumber}). */
    static double parse(byte[] chars, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        for (; i < end && isDigit(chars[i]); i++) {
            digits = true;
            int d = chars[i] - '0';
            if (mantissa == 0 && d == 0) {
                continue;
            }
            if (++significant > MAX_DIGITS) {
                return slow(chars, start, end);
            }
            mantissa = mantissa * 10 + d;
        }
        if (i < end && chars[i] == '.') {
            for (i++; i < end && isDigit(chars[i]); i++) {
                digits = true;
                int d = chars[i] - '0';
                exponent--;
                if (mantissa == 0 && d == 0) {
                    continue;
                }
                if (++significant > MAX_DIGITS) {
                    return slow(chars, start, end);
                }
                mantissa = mantissa * 10 + d;
            }
        }
        if (!digits) {
            return slow(chars, start, end);
        }
        if (i < end && (chars[i] == 'e' || chars[i] == 'E')) {
            int written = exponentAt(chars, i + 1, end);
            if (written == Integer.MIN_VALUE) {
                return slow(chars, start, end);
            }
            exponent += written;
            i = end;
        }
        if (i != end) {
            return slow(chars, start, end);
        }
        double value = mantissa == 0 ? 0 : Values.exactDecimal(mantissa, exponent);
        if (Double.isNaN(value)) {
            return slow(chars, start, end);
        }
        return negative ? -value : value;
    }

    /**
     * The number written in {@code chars[start, end)}, as {@link #parse(byte[], int, int)}: an ASCII field is copied
     * into {@code scratch} (the caller's, reused from field to field) when it fits, anything else takes the slow path.
     */
    static double parse(char[] chars, int start, int end, byte[] scratch) {
        int length = end - start;
        if (length > scratch.length) {
            return Values.parseNumber(new String(chars, start, length));
        }
        for (int i = 0; i < length; i++) {
            char c = chars[start + i];
            if (c > 127) {
                return Values.parseNumber(new String(chars, start, length));
            }
            scratch[i] = (byte) c;
        }
        return parse(scratch, 0, length);
    }

    /** The exponent written in {@code chars[from, end)} ({@code [+-]} then 1 to 4 digits), or MIN_VALUE. */
    private static int exponentAt(byte[] chars, int from, int end) {
        int i = from;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        if (i == end || end - i > 4) {
            return Integer.MIN_VALUE;
        }
        int value = 0;
        for (; i < end; i++) {
            if (!isDigit(chars[i])) {
                return Integer.MIN_VALUE;
            }
            value = value * 10 + chars[i] - '0';
        }
        return negative ? -value : value;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static double slow(byte[] chars, int start, int end) {
        return Values.parseNumber(new String(chars, start, end - start, StandardCharsets.ISO_8859_1));
    }
}
