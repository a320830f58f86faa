package dev.kiln.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median rule of Google Vizier and Optuna's {@code MedianPruner}: a trial stops after fold {@code f}
 * when its running mean is worse than the median of the running means that earlier trials had after
 * {@code f} folds, once at least {@code minTrials} of them got that far. Built from a fixed snapshot of
 * finished trials, so a decision never depends on which parallel trial finished first. Immutable.
 */
public final class MedianPruner implements CrossValidation.Pruner {
    /** Optuna's default number of trials before pruning starts. */
    public static final int MIN_TRIALS = 5;

    private final double[] medians;
    private final boolean higherIsBetter;

    private MedianPruner(double[] medians, boolean higherIsBetter) {
        this.medians = medians;
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * The rule from {@code history}: trials on all their rows ({@code rowFraction} 1) with at least one
     * scored fold, ranked by {@code metric}.
     */
    public static MedianPruner of(List<Trial> history, String metric, boolean higherIsBetter, int folds, int minTrials) {
        double[] medians = new double[folds + 1];
        Arrays.fill(medians, Double.NaN);
        for (int f = 1; f < folds; f++) {
            List<Double> running = new ArrayList<>();
            for (Trial trial : history) {
                if (trial.rowFraction() >= 1 && trial.cv().folds().size() >= f) {
                    double mean = CvResult.of(trial.cv().folds().subList(0, f)).mean(metric);
                    if (!Double.isNaN(mean)) {
                        running.add(mean);
                    }
                }
            }
            if (running.size() >= minTrials) {
                double[] sorted = running.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                int n = sorted.length;
                medians[f] = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            }
        }
        return new MedianPruner(medians, higherIsBetter);
    }

    @Override
    public boolean prune(int foldsDone, double runningMean) {
        if (foldsDone <= 0 || foldsDone >= medians.length || Double.isNaN(medians[foldsDone]) || Double.isNaN(runningMean)) {
            return false;
        }
        return higherIsBetter ? runningMean < medians[foldsDone] : runningMean > medians[foldsDone];
    }
}
