package dev.kiln.data;

import java.util.List;

/**
 * A CSV file read into a frame, with the malformed rows skipped under {@code on_error: skip}: how many, and the
 * first few as {@code file:line: problem}. Immutable.
 */
public record CsvRead(Frame frame, long skippedRows, List<String> skipped) {
    public CsvRead {
        Checks.checkArgument(skippedRows >= 0, "skippedRows must not be negative: %s", skippedRows);
        skipped = List.copyOf(skipped);
    }

    /** One line for run notes and {@code kiln collect}: the count and the first skipped rows; null when none were. */
    public String note(String source) {
        if (skippedRows == 0) {
            return null;
        }
        return source + ": skipped " + skippedRows + " malformed row(s) (on_error: skip), first: " + String.join("; ", skipped);
    }
}
