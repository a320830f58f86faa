package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-group rates of a binary classifier's predicted classes for a sensitive column, and the demographic-parity and
 * equalized-odds differences (Hardt, Price &amp; Srebro 2016; Fairlearn's {@code demographic_parity_difference} and
 * {@code equalized_odds_difference}). The positive class is class index 1. Rows whose group is missing form the
 * group {@code (missing)}. Groups are listed in the order of their formatted values. Stateless; O(n).
 */
public final class Fairness {
    /** The group of rows whose sensitive value is missing. */
    public static final String MISSING = "(missing)";

    private Fairness() {
    }

    /**
     * The fairness report of {@code predictions} against {@code trueClass} over the groups of {@code sensitive}.
     *
     * @throws IllegalArgumentException when the predictions are not binary or the lengths differ
     */
    public static FairnessReport of(Column sensitive, Predictions predictions, int[] trueClass) {
        Checks.checkArgument(predictions.task() == Task.BINARY, "fairness needs a binary classifier, got %s predictions",
                predictions.task().label());
        Checks.checkArgument(sensitive.size() == predictions.size() && trueClass.length == predictions.size(),
                "sensitive column '%s' has %s rows, predictions %s, truth %s", sensitive.name(), sensitive.size(),
                predictions.size(), trueClass.length);
        Map<String, long[]> counts = new TreeMap<>(); // group -> {tp, fp, tn, fn}
        for (int i = 0; i < trueClass.length; i++) {
            String group = sensitive.isMissing(i) ? MISSING : sensitive.format(i);
            long[] c = counts.computeIfAbsent(group, g -> new long[4]);
            boolean predictedPositive = predictions.classIndex(i) == ConfusionMatrix.POSITIVE;
            boolean positive = trueClass[i] == ConfusionMatrix.POSITIVE;
            c[predictedPositive ? (positive ? 0 : 1) : (positive ? 3 : 2)]++;
        }
        List<GroupRates> groups = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            long tp = c[0];
            long fp = c[1];
            long tn = c[2];
            long fn = c[3];
            long n = tp + fp + tn + fn;
            groups.add(new GroupRates(e.getKey(), n, ratio(tp + fp, n), ratio(tp, tp + fn), ratio(fp, fp + tn), ratio(tp, tp + fp)));
        }
        double dp = spread(groups, 0);
        double tpr = spread(groups, 1);
        double fpr = spread(groups, 2);
        double eo = Double.isNaN(tpr) ? fpr : Double.isNaN(fpr) ? tpr : Math.max(tpr, fpr);
        return new FairnessReport(sensitive.name(), groups, dp, eo);
    }

    /** Largest minus smallest defined value of rate {@code which} (0 selection, 1 TPR, 2 FPR); NaN when none is defined. */
    private static double spread(List<GroupRates> groups, int which) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (GroupRates g : groups) {
            double v = switch (which) {
                case 0 -> g.selectionRate();
                case 1 -> g.truePositiveRate();
                default -> g.falsePositiveRate();
            };
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? Double.NaN : max - min;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
