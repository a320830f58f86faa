package dev.kiln.tune;

import java.util.Comparator;
import java.util.List;

/**
 * The trials of a search in index order, the best complete one (null when none completed), the seconds it
 * took and why it stopped ({@code trials}, {@code budget}, {@code converged} or {@code grid}). Immutable.
 */
public record SearchResult(List<Trial> trials, Trial best, double seconds, String stopReason) {
    public SearchResult {
        trials = List.copyOf(trials);
    }

    /** The best complete trial of {@code trials} by score (ties to the lower index), or null. */
    static Trial best(List<Trial> trials, boolean higherIsBetter) {
        return trials.stream().filter(t -> t.isComplete() && t.rowFraction() >= 1 && !Double.isNaN(t.score()))
                .min(ranking(higherIsBetter)).orElse(null);
    }

    /** Best score first, ties by index. */
    static Comparator<Trial> ranking(boolean higherIsBetter) {
        Comparator<Trial> byScore = Comparator.comparingDouble(t -> higherIsBetter ? -t.score() : t.score());
        return byScore.thenComparingInt(Trial::index);
    }
}
