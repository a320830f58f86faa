package dev.kiln.workflow;

import dev.kiln.data.Checks;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A cron schedule in the five-field syntax {@code minute hour day-of-month month day-of-week}: each field
 * {@code *}, a number, a range {@code a-b}, a step {@code * /n} or {@code a-b/n}, or a comma list of those; months
 * and days may be named ({@code JAN}, {@code MON}); day-of-week 0 and 7 are Sunday. As in Vixie cron, when both
 * day fields are restricted a day matches if either does. Immutable, thread-safe.
 */
public final class CronSchedule {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** A search for the next time gives up after this many days (no schedule that matches at all needs more). */
    private static final int MAX_DAYS = 366 * 8;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String text, String[] fields) {
        this.text = text;
        this.minutes = field(fields[0], "minute", 0, 59, List.of(), 0);
        this.hours = field(fields[1], "hour", 0, 23, List.of(), 0);
        this.daysOfMonth = field(fields[2], "day of month", 1, 31, List.of(), 0);
        this.months = field(fields[3], "month", 1, 12, MONTHS, 1);
        BitSet dow = field(fields[4], "day of week", 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
        }
        this.daysOfWeek = dow;
        this.anyDayOfMonth = fields[2].startsWith("*");
        this.anyDayOfWeek = fields[4].startsWith("*");
    }

    /** Parses {@code text}; {@link IllegalArgumentException} naming the field and what is wrong. */
    public static CronSchedule parse(String text) {
        Checks.checkArgument(text != null && !text.isBlank(), "empty schedule, expected five fields such as '0 3 * * *'");
        String[] fields = text.strip().split("\\s+");
        Checks.checkArgument(fields.length == 5,
                "schedule '%s' has %s fields, expected five: minute hour day-of-month month day-of-week", text, fields.length);
        return new CronSchedule(text.strip(), fields);
    }

    /** The first time strictly after {@code after}, at a whole minute, that the schedule matches, in its zone. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusDays(MAX_DAYS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.withHour(0).withMinute(0).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.withMinute(0).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalArgumentException("schedule '" + text + "' never matches");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private static BitSet field(String field, String name, int min, int max, List<String> names, int nameOffset) {
        BitSet set = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, 1, max - min + 1, List.of(), 0);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                from = number(dash >= 0 ? range.substring(0, dash) : range, name, min, max, names, nameOffset);
                to = dash >= 0 ? number(range.substring(dash + 1), name, min, max, names, nameOffset) : slash >= 0 ? max : from;
                Checks.checkArgument(from <= to, "%s: range '%s' runs backwards", name, range);
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String text, String name, int min, int max, List<String> names, int nameOffset) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + nameOffset;
        }
        try {
            int value = Integer.parseInt(text);
            Checks.checkArgument(value >= min && value <= max, "%s: %s is outside [%s, %s]", name, value, min, max);
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": cannot read '" + text + "', expected a number"
                    + (names.isEmpty() ? "" : " or a name such as " + names.get(0)) + ", '*', a range a-b or a step */n");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
