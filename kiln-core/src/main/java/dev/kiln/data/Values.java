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

    /** The number written in {@code text}, or NaN when it is not a plain decimal number. */
    public static double parseNumber(String text) {
        int n = text.length();
        if (n == 0 || n > 64) {
            return Double.NaN;
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
