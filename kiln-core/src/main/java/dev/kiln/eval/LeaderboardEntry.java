package dev.kiln.eval;

/** One candidate of a run: its label, learner, validation score on the selection metric and fit time. */
public record LeaderboardEntry(String label, String learner, double score, double fitSeconds, boolean chosen) {
}
