package dev.kiln.explore;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warnings that involve the target: class imbalance, suspected leakage and imbalance across a
 * sensitive column. Stateless.
 *
 * <p>Leakage is suspected when one feature alone predicts the held-out rows almost perfectly (ROC-AUC or
 * accuracy at least 0.95, R² at least 0.9), when it alone decides the class of at least 10% of the
 * held-out rows with at least 97% accuracy (a call's duration: no call of length 0 succeeds), or when
 * the target equals the sum or difference of two numeric features in at least 99% of rows.
 */
final class TargetWarnings {
    static final double MIN_CLASS_RATIO = 0.2;
    static final double LEAK_SCORE = 0.95;
    static final double LEAK_R2 = 0.9;
    static final double LEAK_PURE_COVERAGE = 0.1;
    static final double LEAK_PURE_ACCURACY = 0.97;
    static final double FOUR_FIFTHS = 0.8;
    static final int MAX_PAIR_FEATURES = 40;

    private TargetWarnings() {
    }

    static void classImbalance(TargetValues target, String name, List<Warning> out) {
        if (!target.isClassification()) {
            return;
        }
        int[] counts = new int[target.classes().size()];
        for (int code : target.codes()) {
            if (code >= 0) {
                counts[code]++;
            }
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                min = Math.min(min, counts[c]);
                max = Math.max(max, counts[c]);
                evidence.put(target.classes().get(c), counts[c]);
            }
        }
        if (max > 0 && (double) min / max < MIN_CLASS_RATIO) {
            out.add(new Warning("class_imbalance", name, String.format(Locale.ROOT,
                    "the rarest class of '%s' has %d rows, %.1f%% of the most common", name, min, 100.0 * min / max), evidence));
        }
    }

    static void leakage(List<TargetAssociation> associations, String target, List<Warning> out) {
        for (TargetAssociation a : associations) {
            double score = a.holdoutScore() == null ? Double.NaN : a.holdoutScore();
            boolean almostPerfect = a.holdoutMetric().equals("r2") ? score >= LEAK_R2 : score >= LEAK_SCORE;
            boolean decides = a.pureCoverage() >= LEAK_PURE_COVERAGE && a.pureAccuracy() >= LEAK_PURE_ACCURACY;
            if (almostPerfect || decides) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put(a.holdoutMetric(), a.holdoutScore());
                evidence.put("pure_coverage", a.pureCoverage());
                evidence.put("pure_accuracy", a.pureAccuracy());
                String why = almostPerfect ? String.format(Locale.ROOT, "alone it predicts held-out rows with %s %.3f",
                        a.holdoutMetric(), score) : String.format(Locale.ROOT,
                        "alone it decides %.0f%% of held-out rows with %.1f%% accuracy", 100 * a.pureCoverage(), 100 * a.pureAccuracy());
                out.add(new Warning("target_leakage", a.feature(), "'" + a.feature() + "' may leak '" + target + "': " + why
                        + "; is it known before the target?", evidence));
            }
        }
    }

    /** Features a, b with a + b or a - b equal to a numeric (regression) target in at least 99% of rows. */
    static void sumLeakage(Frame frame, String target, TargetValues values, List<Warning> out) {
        if (values.isClassification() || !(frame.column(target) instanceof NumericColumn y)) {
            return;
        }
        List<NumericColumn> features = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column instanceof NumericColumn n && !n.name().equals(target) && features.size() < MAX_PAIR_FEATURES) {
                features.add(n);
            }
        }
        for (int a = 0; a < features.size(); a++) {
            for (int b = a + 1; b < features.size(); b++) {
                for (int sign : new int[] {1, -1}) {
                    double share = matchShare(features.get(a), features.get(b), sign, y);
                    if (share >= 0.99) {
                        String relation = features.get(a).name() + (sign > 0 ? " + " : " - ") + features.get(b).name();
                        for (NumericColumn f : List.of(features.get(a), features.get(b))) {
                            out.add(new Warning("target_leakage", f.name(), String.format(Locale.ROOT,
                                    "'%s' may leak '%s': %s equals %s in %.1f%% of rows", f.name(), target, relation, target,
                                    100 * share), Map.of("relation", relation + " = " + target, "match_share", share)));
                        }
                    }
                }
            }
        }
    }

    private static double matchShare(NumericColumn a, NumericColumn b, int sign, NumericColumn y) {
        int present = 0;
        int matches = 0;
        for (int i = 0; i < y.size(); i++) {
            double v = a.get(i) + sign * b.get(i);
            if (!Double.isNaN(v) && !Double.isNaN(y.get(i))) {
                present++;
                matches += Math.abs(v - y.get(i)) <= 1e-9 * Math.max(1, Math.abs(y.get(i))) ? 1 : 0;
            }
        }
        return present < 20 ? 0 : (double) matches / present;
    }

    /** The target rate of every class per group of the sensitive column; warns below the four-fifths ratio. */
    static void sensitive(Column sensitive, TargetValues target, String targetName, List<Warning> out) {
        FeatureBins groups = FeatureBins.of(sensitive);
        if (!target.isClassification()) {
            return;
        }
        int k = target.classes().size();
        int[][] counts = new int[groups.count()][k];
        int[] sizes = new int[groups.count()];
        for (int i = 0; i < target.codes().length; i++) {
            if (target.codes()[i] >= 0) {
                counts[groups.codes()[i]][target.codes()[i]]++;
                sizes[groups.codes()[i]]++;
            }
        }
        for (int c = k == 2 ? 1 : 0; c < k; c++) {
            double min = Double.MAX_VALUE;
            double max = 0;
            Map<String, Object> rates = new LinkedHashMap<>();
            for (int g = 0; g < groups.count(); g++) {
                if (sizes[g] >= 10) {
                    double rate = (double) counts[g][c] / sizes[g];
                    min = Math.min(min, rate);
                    max = Math.max(max, rate);
                    rates.put(groupLabel(sensitive, groups, g), Map.of("rows", sizes[g], "rate", rate));
                }
            }
            if (rates.size() >= 2 && max > 0 && min / max < FOUR_FIFTHS) {
                out.add(new Warning("sensitive_imbalance", sensitive.name(), String.format(Locale.ROOT,
                        "the rate of %s = %s differs across '%s': lowest %.1f%%, highest %.1f%% (ratio %.2f, below 0.8)",
                        targetName, target.classes().get(c), sensitive.name(), 100 * min, 100 * max, min / max), rates));
                return;
            }
        }
    }

    private static String groupLabel(Column column, FeatureBins groups, int group) {
        for (int i = 0; i < column.size(); i++) {
            if (groups.codes()[i] == group) {
                String label = column.format(i);
                return label == null ? "(missing)" : column instanceof NumericColumn ? "bin containing " + label : label;
            }
        }
        return "group " + group;
    }
}
