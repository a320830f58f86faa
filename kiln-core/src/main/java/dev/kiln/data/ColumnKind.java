package dev.kiln.data;

import java.util.Locale;

/** What a column holds; decides how it is stored, described and prepared. */
public enum ColumnKind {
    /** Real numbers in a {@code double[]}; NaN marks a missing value. */
    NUMERIC,
    /** A small set of labels: int codes into a dictionary; -1 marks a missing value. */
    CATEGORICAL,
    /** True or false, stored like a categorical with the levels {@code false, true}. */
    BOOLEAN,
    /** Instants in epoch milliseconds (UTC); {@link TimestampColumn#MISSING} marks a missing value. */
    TIMESTAMP,
    /** Free text, one string per row; null marks a missing value. */
    TEXT;

    /** The lower-case name used in specs, manifests and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label such as {@code numeric}; null when it names no kind. */
    public static ColumnKind fromLabel(String label) {
        for (ColumnKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
