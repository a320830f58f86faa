package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
    /** 2001-01-31T00:00:00Z in epoch milliseconds. */
    private static final long JAN_31_2001 = 980_899_200_000L;
    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;

    @ParameterizedTest
    @CsvSource({"1, 1.0", "-1.5, -1.5", "+2, 2.0", ".28, 0.28", "1e3, 1000.0", "2.5E-2, 0.025", "007, 7.0", "3., 3.0"})
    void parsesPlainDecimalNumbers(String text, double expected) {
        assertThat(Values.parseNumber(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1f", "0x10", "Infinity", "-Infinity", "NaN", "", "-", ".", "e5", "1.2.3", " 1", "1 ", "1,5", "abc"})
    void rejectsAnythingElse(String text) {
        assertThat(Values.parseNumber(text)).isNaN();
    }

    @Test
    void rejectsOverlongNumbers() {
        assertThat(Values.parseNumber("1".repeat(65))).isNaN();
        assertThat(Values.parseNumber("1".repeat(64))).isEqualTo(1.1111111111111111e63);
    }

    @ParameterizedTest
    @CsvSource({"true, 1", "TRUE, 1", "True, 1", "false, 0", "FALSE, 0", "yes, -1", "1, -1", "0, -1", "'', -1", "truth, -1"})
    void parsesBooleans(String text, int expected) {
        assertThat(Values.parseBoolean(text)).isEqualTo(expected);
    }

    @Test
    void parsesDates() {
        assertThat(Values.parseTimestamp("2001-01-31")).isEqualTo(JAN_31_2001);
        assertThat(Values.parseTimestamp("1970-01-01")).isZero();
        assertThat(Values.parseTimestamp("1969-12-31")).isEqualTo(-24 * HOUR);
    }

    @Test
    void dateTimeWithoutOffsetIsUtc() {
        long expected = JAN_31_2001 + 8 * HOUR + 5 * MINUTE;
        assertThat(Values.parseTimestamp("2001-01-31 08:05:00")).isEqualTo(expected);
        assertThat(Values.parseTimestamp("2001-01-31T08:05:00")).isEqualTo(expected);
        assertThat(Values.parseTimestamp("2001-01-31 08:05")).isEqualTo(expected);
        assertThat(Values.parseTimestamp("2001-01-31T08:05:00.250")).isEqualTo(expected + 250);
    }

    @Test
    void dateTimeWithZOrOffset() {
        long utc = JAN_31_2001 + 8 * HOUR + 5 * MINUTE;
        assertThat(Values.parseTimestamp("2001-01-31T08:05:00Z")).isEqualTo(utc);
        assertThat(Values.parseTimestamp("2001-01-31T08:05:00+02:00")).isEqualTo(utc - 2 * HOUR);
        assertThat(Values.parseTimestamp("2001-01-31 08:05:00-05:30")).isEqualTo(utc + 5 * HOUR + 30 * MINUTE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-13-01", "2001-02-30", "31/01/2001", "2001-1-31", "2001-01-31X", "2001-01-31 25:00",
            "20010131", "", "yesterday", "2001-01-31T08:05:00+99:00"})
    void rejectsNonIsoTimestamps(String text) {
        assertThat(Values.parseTimestamp(text)).isEqualTo(TimestampColumn.MISSING);
    }

    @Test
    void formatsTimestampsAsIsoUtc() {
        assertThat(Values.formatTimestamp(JAN_31_2001 + 8 * HOUR)).isEqualTo("2001-01-31T08:00:00Z");
        assertThat(Values.parseTimestamp(Values.formatTimestamp(123_456_789L))).isEqualTo(123_456_789L);
    }
}
