package dev.kiln.monitor;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.NumericColumn;

/** Judges one feature of new data against its reference by PSI and by the chosen {@link DriftMethod}. */
final class FeatureComparison {
    private FeatureComparison() {
    }

    static DriftReference.FeatureDrift compare(FeatureReference reference, Column column, DriftMethod requested,
                                               double warn, double alert) {
        double psi = reference.psi(column);
        String status = psi >= alert ? "alert" : psi >= warn ? "warn" : "ok";
        DriftMethod method = resolve(requested, reference);
        double statistic;
        double pValue = Double.NaN;
        switch (method) {
            case KS -> {
                double[] actual = FeatureReference.sortedValues((NumericColumn) column);
                statistic = actual.length == 0 ? 0 : KolmogorovSmirnov.statistic(reference.sample(), actual);
                pValue = actual.length == 0 ? 1 : KolmogorovSmirnov.pValue(statistic, reference.nonMissing(), actual.length);
            }
            case WASSERSTEIN -> statistic = normedWasserstein(reference, (NumericColumn) column);
            case JENSEN_SHANNON -> statistic = Divergences.jensenShannon(reference.proportions(), reference.proportions(column));
            case CHI_SQUARED -> {
                double[] result = Divergences.chiSquared(reference.proportions(), reference.proportions(column), column.size());
                statistic = result[0];
                pValue = Gamma.regularizedQ(result[1] / 2, statistic / 2);
            }
            default -> statistic = psi;
        }
        boolean drifted = method == DriftMethod.PSI ? psi >= alert
                : method.isTest() ? pValue < DriftMethod.P_THRESHOLD : statistic >= DriftMethod.DISTANCE_THRESHOLD;
        return new DriftReference.FeatureDrift(reference.name(), psi, status, method.label(), statistic, pValue, drifted);
    }

    /**
     * The method to use: AUTO by kind and reference size; a numeric method asked of a categorical
     * feature becomes its counterpart (KS ↔ chi-squared, Wasserstein ↔ Jensen–Shannon); PSI when the
     * reference predates the statistics (count 0).
     */
    static DriftMethod resolve(DriftMethod requested, FeatureReference reference) {
        boolean numeric = reference.kind() == ColumnKind.NUMERIC;
        if (requested == DriftMethod.PSI || reference.count() == 0 || (numeric && reference.sample().length == 0)) {
            return DriftMethod.PSI;
        }
        boolean small = reference.count() <= FeatureReference.EXACT_SAMPLE;
        return switch (requested) {
            case AUTO -> numeric ? (small ? DriftMethod.KS : DriftMethod.WASSERSTEIN) : (small ? DriftMethod.CHI_SQUARED : DriftMethod.JENSEN_SHANNON);
            case KS, CHI_SQUARED -> numeric ? DriftMethod.KS : DriftMethod.CHI_SQUARED;
            case WASSERSTEIN, JENSEN_SHANNON -> numeric ? DriftMethod.WASSERSTEIN : DriftMethod.JENSEN_SHANNON;
            default -> requested;
        };
    }

    /** Wasserstein distance of the quantile functions, divided by the reference's standard deviation (when not 0). */
    private static double normedWasserstein(FeatureReference reference, NumericColumn column) {
        double[] actual = FeatureReference.sortedValues(column);
        if (actual.length == 0) {
            return 0;
        }
        double[] sample = reference.sample();
        int points = FeatureReference.QUANTILES;
        double[] expected = sample.length == points && !reference.exactSample() ? sample : FeatureReference.quantiles(sample, points);
        double distance = Divergences.wasserstein(expected, FeatureReference.quantiles(actual, points));
        return reference.std() > 0 ? distance / reference.std() : distance;
    }
}
