package dev.kiln.data;

/**
 * Argument checks in the Preconditions style: a caller's mistake raises {@link IllegalArgumentException}
 * whose message names the field and the bad value. Not for our own invariants.
 */
public final class Checks {
    private Checks() {
    }

    /** Throws {@link IllegalArgumentException} with {@code String.format(template, args)} unless {@code condition}. */
    public static void checkArgument(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(template, args));
        }
    }
}
