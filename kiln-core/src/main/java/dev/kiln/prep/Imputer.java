package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fills missing values: numeric columns with the training median, mean, most frequent value or a
 * constant; categorical and boolean columns with the most frequent training label (the first in level
 * order on ties) or a constant label. Optionally adds a 0/1 indicator column {@code NAME_missing} for
 * every column that had missing training values. Columns of other kinds pass through. A numeric column
 * that is missing in every training row gets 0.
 */
public final class Imputer implements Transformer {
    /** How to fill numeric columns. */
    public enum NumericStrategy { MEDIAN, MEAN, MOST_FREQUENT, CONSTANT }

    private final NumericStrategy numeric;
    private final double numericConstant;
    private final String categoricalConstant;
    private final boolean indicators;

    /**
     * @param numericConstant the fill value of numeric columns under {@link NumericStrategy#CONSTANT}
     * @param categoricalConstant the fill label of categorical columns, or null for the most frequent label
     * @param indicators whether to add a missing-indicator column per column with missing training values
     */
    public Imputer(NumericStrategy numeric, double numericConstant, String categoricalConstant, boolean indicators) {
        Checks.checkArgument(numeric != NumericStrategy.CONSTANT || Double.isFinite(numericConstant),
                "numericConstant must be finite: %s", numericConstant);
        this.numeric = numeric;
        this.numericConstant = numericConstant;
        this.categoricalConstant = categoricalConstant;
        this.indicators = indicators;
    }

    public Imputer(NumericStrategy numeric) {
        this(numeric, 0.0, null, false);
    }

    /** The strategy named {@code median}, {@code mean}, {@code most_frequent} or {@code constant}. */
    public static NumericStrategy strategy(String label) {
        return switch (label) {
            case "median" -> NumericStrategy.MEDIAN;
            case "mean" -> NumericStrategy.MEAN;
            case "most_frequent" -> NumericStrategy.MOST_FREQUENT;
            case "constant" -> NumericStrategy.CONSTANT;
            default -> throw new IllegalArgumentException(
                    "impute.numeric: expected median, mean, most_frequent or constant, got '" + label + "'");
        };
    }

    @Override
    public FittedImputer fit(Frame train) {
        // each numeric column's fill sorts its values: the columns are sorted in parallel (on the common fork/join
        // pool), each into its own slot, so the result does not depend on the thread count
        List<NumericColumn> numeric = new ArrayList<>();
        for (Column column : train.columns()) {
            if (column instanceof NumericColumn n) {
                numeric.add(n);
            }
        }
        double[] fills = new double[numeric.size()];
        IntStream.range(0, numeric.size()).parallel().forEach(k -> fills[k] = fill(numeric.get(k)));
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> flagged = new ArrayList<>();
        int next = 0;
        for (Column column : train.columns()) {
            if (column instanceof NumericColumn n) {
                numbers.put(n.name(), fills[next++]);
            } else if (column instanceof CategoricalColumn c) {
                String label = categoricalConstant != null ? categoricalConstant : mostFrequent(c);
                if (label != null) {
                    labels.put(c.name(), label);
                }
            } else {
                continue;
            }
            if (indicators && column.missingCount() > 0) {
                flagged.add(column.name());
            }
        }
        return new FittedImputer(numbers, labels, flagged);
    }

    private double fill(NumericColumn n) {
        double[] sorted = TrainingStats.sortedPresent(n);
        if (sorted.length == 0) {
            return numeric == NumericStrategy.CONSTANT ? numericConstant : 0.0;
        }
        return switch (numeric) {
            case MEDIAN -> TrainingStats.quantile(sorted, 0.5);
            case MEAN -> TrainingStats.mean(sorted);
            case MOST_FREQUENT -> mode(sorted);
            case CONSTANT -> numericConstant;
        };
    }

    static double median(NumericColumn column) {
        double[] sorted = TrainingStats.sortedPresent(column);
        return sorted.length == 0 ? 0.0 : TrainingStats.quantile(sorted, 0.5);
    }

    static double mean(NumericColumn column) {
        double[] sorted = TrainingStats.sortedPresent(column);
        return sorted.length == 0 ? 0.0 : TrainingStats.mean(sorted);
    }

    /** The most frequent of non-empty sorted values; the smallest on ties. */
    private static double mode(double[] sorted) {
        double best = sorted[0];
        int bestRun = 0;
        int run = 0;
        for (int i = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            if (run > bestRun) {
                bestRun = run;
                best = sorted[i];
            }
        }
        return best;
    }

    static String mostFrequent(CategoricalColumn column) {
        int[] counts = column.levelCounts();
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        return best < 0 ? null : column.levels().get(best);
    }
}
