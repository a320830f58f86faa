package dev.kiln.tune;

import java.util.List;

/**
 * The outcome of a search across learner families: every trial ranked best first (the leaderboard; pruned,
 * timed-out and failed trials last), the chosen configuration (one trial, or a blend of several with
 * weights), the blend's and the best single trial's out-of-fold scores (NaN without a blend), the seconds
 * spent and why the search stopped ({@code budget}, {@code converged}, {@code trials}). Immutable.
 */
public record AutoResult(List<Trial> leaderboard, List<Trial> chosen, double[] weights, double blendScore,
                         double singleScore, double seconds, String stopReason) {
    public AutoResult {
        leaderboard = List.copyOf(leaderboard);
        chosen = List.copyOf(chosen);
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Whether the choice is a blend of several trials. */
    public boolean isEnsemble() {
        return chosen.size() > 1;
    }

    /** The best single trial. */
    public Trial best() {
        return leaderboard.get(0);
    }
}
