package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static ZonedDateTime at(String text) {
        return ZonedDateTime.parse(text + "Z").withZoneSameInstant(ZoneOffset.UTC);
    }

    private static String next(String cron, String after) {
        return CronSchedule.parse(cron).next(at(after)).toLocalDateTime().toString();
    }

    @Test
    void dailyAtThree() {
        assertThat(next("0 3 * * *", "2026-12-01T08:40:00")).isEqualTo("2026-12-02T03:00");
        assertThat(next("0 3 * * *", "2026-12-01T02:59:59")).isEqualTo("2026-12-01T03:00");
        assertThat(next("0 3 * * *", "2026-12-01T03:00:00")).isEqualTo("2026-12-02T03:00");
    }

    @Test
    void stepsRangesListsAndNames() {
        assertThat(next("*/15 * * * *", "2026-12-01T08:46:10")).isEqualTo("2026-12-01T09:00");
        assertThat(next("5-10/5 * * * *", "2026-12-01T08:06:00")).isEqualTo("2026-12-01T08:10");
        assertThat(next("0 9 * * MON-FRI", "2026-12-05T10:00:00")).isEqualTo("2026-12-07T09:00"); // Saturday -> Monday
        assertThat(next("0 0 1 JAN,jul *", "2026-12-01T00:00:00")).isEqualTo("2027-01-01T00:00");
        assertThat(next("30 12 * * 7", "2026-12-01T00:00:00")).isEqualTo("2026-12-06T12:30"); // 7 is Sunday
    }

    @Test
    void bothDayFieldsRestrictedMatchEither() {
        // the 13th, or any Friday: Friday 4 December comes first
        assertThat(next("0 0 13 * 5", "2026-12-01T00:00:00")).isEqualTo("2026-12-04T00:00");
        // February 29th only in leap years
        assertThat(next("0 0 29 2 *", "2026-12-01T00:00:00")).isEqualTo("2028-02-29T00:00");
    }

    @Test
    void malformedSchedulesNameTheField() {
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * *")).hasMessageContaining("has 4 fields, expected five");
        assertThatThrownBy(() -> CronSchedule.parse("60 3 * * *")).hasMessageContaining("minute: 60 is outside [0, 59]");
        assertThatThrownBy(() -> CronSchedule.parse("0 x * * *")).hasMessageContaining("hour: cannot read 'x'");
        assertThatThrownBy(() -> CronSchedule.parse("0 5-3 * * *")).hasMessageContaining("hour: range '5-3' runs backwards");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 31 2 *").next(at("2026-01-01T00:00:00")))
                .hasMessageContaining("never matches");
    }
}
