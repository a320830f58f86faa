package dev.kiln.tune;

/** How a trial ended: scored on every fold, stopped by the pruner, stopped by the budget, or failed to fit. */
public enum TrialStatus {
    COMPLETE, PRUNED, TIMED_OUT, FAILED;

    /** The lower-case name used in leaderboards and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
