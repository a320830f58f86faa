package dev.kiln.workflow;

import dev.kiln.tune.Trial;
import java.util.List;

/**
 * What tuning found, for the command line and run records: the metric that ranked the trials, the number of
 * folds, the leaderboard (best first), the chosen configuration's label, its members and weights (one member
 * with weight 1 unless a blend was chosen), the blend's and best single trial's out-of-fold scores (NaN
 * when no blend was tried), the seconds spent preparing folds and searching, and why the search stopped.
 * Immutable.
 */
public record TuningSummary(String metric, int folds, List<Trial> leaderboard, String chosen, List<Trial> members,
                            double[] weights, double blendScore, double singleScore, double prepareSeconds,
                            double searchSeconds, String stopReason) {
    public TuningSummary {
        leaderboard = List.copyOf(leaderboard);
        members = List.copyOf(members);
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Whether the choice is a blend of several trials. */
    public boolean isEnsemble() {
        return members.size() > 1;
    }
}
