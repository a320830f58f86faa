package dev.kiln.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parsing of single text values into numbers, booleans and instants: the rules that kind inference,
 * the CSV reader and the prediction server share, so that a value means the same everywhere.
 */
public final class Values {
    private Values() {
    }

    /** Exact powers of ten: every one up to 10^22 is a double without rounding. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};

    /**
     * {@code mantissa × 10^exponent}, correctly rounded, for {@code 0 <= mantissa < 2^53} and {@code |exponent| <= 22}:
     * both factors are then exact doubles, so one IEEE multiplication or division rounds the exact value (Clinger,
     * "How to read floating point numbers accurately", 1990). NaN outside that range: the caller's slow path decides.
     * The last step of every fast decimal parse here.
     */
    public static double exactDecimal(long mantissa, int exponent) {
        if (mantissa < 0 || mantissa >= 1L << 53 || exponent < -22 || exponent > 22) {
            return Double.NaN;
        }
        return exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
    }

    /** The number written in {@code text}, or NaN when it is not a plain decimal number. */
    public static double parseNumber(String text) {
        int n = text.length();
        if (n == 0 || n > 64) {
            return Double.NaN;
        }
        double fast = parseShortDecimal(text, n);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Clinger's fast path: a plain decimal ({@code -12.345}, no exponent) of at most 15 digits is an integer below
     * 2^53 divided by an exact power of ten, and one IEEE division rounds that correctly, so the result equals
     * {@link Double#parseDouble}'s. NaN when the text is anything else; the slow path then decides.
     */
    private static double parseShortDecimal(String text, int n) {
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else if (c == '.' && fractionDigits < 0) {
                fractionDigits = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double value = exactDecimal(mantissa, -Math.max(0, fractionDigits));
        return negative ? -value : value;
    }

    /** 1 for true, 0 for false (case-insensitive), -1 otherwise. */
    public static int parseBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "true" -> 1;
            case "false" -> 0;
            default -> -1;
        };
    }

    /**
     * Epoch milliseconds of an ISO-8601 date or date-time ({@code 2001-01-31}, {@code 2001-01-31 08:05},
     * {@code 2001-01-31T08:05:00Z}, with an optional offset; no offset means UTC), or
     * {@link TimestampColumn#MISSING} when {@code text} is not one.
     */
    public static long parseTimestamp(String text) {
        int n = text.length();
        if (n < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return TimestampColumn.MISSING;
        }
        try {
            if (n == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            char last = iso.charAt(iso.length() - 1);
            boolean offset = last == 'Z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
            if (offset) {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return TimestampColumn.MISSING;
        }
    }

    /** An instant as ISO-8601 text. */
    public static String formatTimestamp(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
