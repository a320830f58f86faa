package dev.kiln.tune;

/** Hears about a search's progress, for a progress display; called on the searching thread, in trial order. */
@FunctionalInterface
public interface SearchListener {
    /**
     * @param trial the trial that just finished
     * @param best the best complete trial so far, or null
     * @param done trials finished so far
     * @param planned trials planned, or -1 when only the budget or convergence ends the search
     * @param secondsLeft seconds left in the budget, or -1 without one
     */
    void trialFinished(Trial trial, Trial best, int done, int planned, double secondsLeft);

    SearchListener NONE = (trial, best, done, planned, secondsLeft) -> { };
}
