package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Drops numeric features by four filters, applied in order on the training rows: a variance at or
 * below {@code minVariance}; an absolute Pearson correlation above {@code maxCorrelation} with an
 * earlier kept feature (the later one goes); when {@code keepTopMutualInformation > 0}, all but
 * that many features ranked by mutual information with the target (both sides cut into ten quantile
 * bins); and, with an {@link ImportanceRule}, by a model's importance of the features still kept:
 * all but the top {@code keep}, or those whose share of the total importance is below
 * {@code minShare}. NaN disables a threshold. Ranking ties go to the earlier column. The fitted
 * step is a {@link DropColumns} naming each reason.
 */
public final class FeatureSelector implements SupervisedTransformer {
    private final double minVariance;
    private final double maxCorrelation;
    private final int keepTopMutualInformation;
    private final ImportanceRule importance;

    /**
     * Selection by model importance: keep the {@code keep} most important features ({@code keep > 0}),
     * or drop those whose share of the summed importance is below {@code minShare} (in (0, 1); NaN: no threshold).
     */
    public record ImportanceRule(FeatureImportance scorer, int keep, double minShare) {
        public ImportanceRule {
            Checks.checkArgument(scorer != null, "importance: a scorer is needed");
            Checks.checkArgument(keep >= 0, "importance: keep must be >= 0, got %s", keep);
            Checks.checkArgument(Double.isNaN(minShare) || minShare > 0 && minShare < 1,
                    "importance: the share threshold must be in (0, 1), got %s", minShare);
            Checks.checkArgument(keep > 0 ^ !Double.isNaN(minShare),
                    "importance: give either a count to keep or a share threshold, got %s and %s", keep, minShare);
        }
    }

    public FeatureSelector(double minVariance, double maxCorrelation, int keepTopMutualInformation) {
        this(minVariance, maxCorrelation, keepTopMutualInformation, null);
    }

    /** {@code importance} may be null: no selection by model importance. */
    public FeatureSelector(double minVariance, double maxCorrelation, int keepTopMutualInformation, ImportanceRule importance) {
        this.minVariance = minVariance;
        this.maxCorrelation = maxCorrelation;
        this.keepTopMutualInformation = keepTopMutualInformation;
        this.importance = importance;
    }

    @Override
    public Result fit(Frame train, Column target) {
        List<DropColumns.Dropped> dropped = new ArrayList<>();
        List<NumericColumn> kept = new ArrayList<>();
        for (Column column : train.columns()) {
            if (!(column instanceof NumericColumn n)) {
                continue;
            }
            double variance = Math.pow(TrainingStats.std(TrainingStats.sortedPresent(n)), 2);
            if (!Double.isNaN(minVariance) && !(variance > minVariance)) {
                dropped.add(new DropColumns.Dropped(n.name(), String.format(Locale.ROOT, "variance %.3g <= %.3g", variance, minVariance)));
            } else {
                kept.add(n);
            }
        }
        if (!Double.isNaN(maxCorrelation)) {
            kept = correlationFilter(kept, dropped);
        }
        if (keepTopMutualInformation > 0 && kept.size() > keepTopMutualInformation) {
            List<double[]> scored = new ArrayList<>();
            int[] y = MutualInformation.bins(target);
            for (int j = 0; j < kept.size(); j++) {
                scored.add(new double[] {j, MutualInformation.score(MutualInformation.bins(kept.get(j)), y)});
            }
            scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]).thenComparingDouble(s -> s[0]));
            List<NumericColumn> survivors = new ArrayList<>();
            for (int r = 0; r < scored.size(); r++) {
                NumericColumn column = kept.get((int) scored.get(r)[0]);
                if (r < keepTopMutualInformation) {
                    survivors.add(column);
                } else {
                    dropped.add(new DropColumns.Dropped(column.name(), String.format(Locale.ROOT,
                            "mutual information with the target %.4f, rank %d > %d", scored.get(r)[1], r + 1, keepTopMutualInformation)));
                }
            }
            kept = inColumnOrder(kept, survivors);
        }
        if (importance != null && !kept.isEmpty()) {
            selectByImportance(kept, target, dropped);
        }
        DropColumns fitted = new DropColumns(dropped);
        return new Result(fitted, fitted.apply(train));
    }

    private void selectByImportance(List<NumericColumn> kept, Column target, List<DropColumns.Dropped> dropped) {
        double[] scores = importance.scorer().score(Frame.of(new ArrayList<Column>(kept)), target);
        if (scores.length != kept.size()) {
            throw new IllegalStateException("importance: expected " + kept.size() + " scores, got " + scores.length);
        }
        double total = 0;
        for (double score : scores) {
            total += score;
        }
        Integer[] order = new Integer[kept.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -scores[j]).thenComparingInt(j -> j));
        for (int r = 0; r < order.length; r++) {
            int j = order[r];
            double share = total > 0 ? scores[j] / total : 0;
            if (importance.keep() > 0 && r >= importance.keep()) {
                dropped.add(new DropColumns.Dropped(kept.get(j).name(), String.format(Locale.ROOT,
                        "model importance share %.4f, rank %d > %d", share, r + 1, importance.keep())));
            } else if (importance.keep() == 0 && share < importance.minShare()) {
                dropped.add(new DropColumns.Dropped(kept.get(j).name(), String.format(Locale.ROOT,
                        "model importance share %.4f < %.3g", share, importance.minShare())));
            }
        }
    }

    private static List<NumericColumn> inColumnOrder(List<NumericColumn> all, List<NumericColumn> subset) {
        List<NumericColumn> out = new ArrayList<>();
        for (NumericColumn column : all) {
            if (subset.contains(column)) {
                out.add(column);
            }
        }
        return out;
    }

    private List<NumericColumn> correlationFilter(List<NumericColumn> candidates, List<DropColumns.Dropped> dropped) {
        List<NumericColumn> kept = new ArrayList<>();
        List<double[]> standardized = new ArrayList<>();
        for (NumericColumn column : candidates) {
            double[] z = standardize(column);
            String twin = null;
            double best = 0;
            for (int j = 0; j < kept.size() && twin == null; j++) {
                double r = correlation(z, standardized.get(j));
                if (Math.abs(r) > maxCorrelation) {
                    twin = kept.get(j).name();
                    best = r;
                }
            }
            if (twin != null) {
                dropped.add(new DropColumns.Dropped(column.name(), String.format(Locale.ROOT,
                        "correlation %.3f with '%s' above %.3g", best, twin, maxCorrelation)));
            } else {
                kept.add(column);
                standardized.add(z);
            }
        }
        return kept;
    }

    /** (x - mean) / std with missing values at 0 (the mean), so they add nothing to a correlation. */
    private static double[] standardize(NumericColumn column) {
        double[] present = TrainingStats.sortedPresent(column);
        double mean = TrainingStats.mean(present);
        double std = TrainingStats.std(present);
        double[] z = column.toArray();
        for (int i = 0; i < z.length; i++) {
            z[i] = Double.isNaN(z[i]) || !(std > 0) ? 0.0 : (z[i] - mean) / std;
        }
        return z;
    }

    private static double correlation(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return a.length == 0 ? 0 : sum / a.length;
    }
}
