package dev.kiln.monitor;

/**
 * A concept-drift detector on a stream of per-prediction errors: fed one value at a time (1/0 for a wrong/right
 * class, or an absolute error), it says whether the stream's mean has risen. Not thread-safe; deterministic.
 */
public sealed interface DriftDetector permits Ddm, PageHinkley {
    /** What the detector concludes after a value. */
    enum State { STABLE, WARNING, DRIFT }

    /** Feeds the next value; returns the state after it. After {@link State#DRIFT} the detector starts afresh. */
    State update(double value);

    /** How many values it has seen since it started (or last restarted after a drift). */
    long count();
}
