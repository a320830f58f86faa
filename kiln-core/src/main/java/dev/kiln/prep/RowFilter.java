package dev.kiln.prep;

import dev.kiln.data.Frame;

/**
 * A training-only step that removes rows (duplicates, rows with too many missing values, outliers).
 * Rows can only be dropped while training: a serving request is one row that must get an answer, so
 * row filters are not part of the fitted pipeline and nothing is stored in the bundle for them.
 */
public interface RowFilter {

    /** The training rows to keep and how many were dropped, with the reason. Never mutates {@code train}. */
    RowSelection select(Frame train);

    /**
     * The rows a filter keeps.
     *
     * @param kept indexes of the kept rows, ascending
     * @param dropped how many rows were dropped
     * @param reason what the filter did, for the run's notes
     */
    record RowSelection(int[] kept, int dropped, String reason) {
        public RowSelection {
            kept = kept.clone();
        }

        @Override
        public int[] kept() {
            return kept.clone();
        }
    }
}
