package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Drops numeric features by three filters, applied in order on the training rows: a variance at or
 * below {@code minVariance}; an absolute Pearson correlation above {@code maxCorrelation} with an
 * earlier kept feature (the later one goes); and, when {@code keepTopMutualInformation > 0}, all but
 * that many features ranked by mutual information with the target (both sides cut into ten quantile
 * bins). NaN disables a threshold. The fitted step is a {@link DropColumns} naming each reason.
 */
public final class FeatureSelector implements SupervisedTransformer {
    private final double minVariance;
    private final double maxCorrelation;
    private final int keepTopMutualInformation;

    public FeatureSelector(double minVariance, double maxCorrelation, int keepTopMutualInformation) {
        this.minVariance = minVariance;
        this.maxCorrelation = maxCorrelation;
        this.keepTopMutualInformation = keepTopMutualInformation;
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
            for (int r = keepTopMutualInformation; r < scored.size(); r++) {
                dropped.add(new DropColumns.Dropped(kept.get((int) scored.get(r)[0]).name(), String.format(Locale.ROOT,
                        "mutual information with the target %.4f, rank %d > %d", scored.get(r)[1], r + 1, keepTopMutualInformation)));
            }
        }
        DropColumns fitted = new DropColumns(dropped);
        return new Result(fitted, fitted.apply(train));
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
