package dev.kiln.workflow;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a wall-clock budget as written in specs and on the command line: a positive number with a unit,
 * {@code s}, {@code m} or {@code h} ({@code 90s}, {@code 2m}, {@code 1.5h}), or a bare number of seconds.
 * Stateless.
 */
public final class Budget {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([smh]?)\\s*");

    private Budget() {
    }

    /** The duration {@code text} names; {@link IllegalArgumentException} naming the text otherwise. */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 90s, 2m or 1h, got '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        double seconds = switch (m.group(2)) {
            case "m" -> value * 60;
            case "h" -> value * 3600;
            default -> value;
        };
        if (seconds <= 0) {
            throw new IllegalArgumentException("expected a positive duration, got '" + text + "'");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
