package dev.kiln.data;

import java.util.Locale;

/** What a column is for in a learning problem. */
public enum Role {
    FEATURE, TARGET, ID, WEIGHT, TIME, GROUP, IGNORED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label such as {@code feature}; null when it names no role. */
    public static Role fromLabel(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        return null;
    }
}
