package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills missing values: numeric columns with the training median or mean, categorical and boolean
 * columns with the most frequent training label (the first in level order on ties). Columns of other
 * kinds pass through. A column that is missing in every training row gets 0 or stays missing.
 */
public final class Imputer implements Transformer {
    /** How to fill numeric columns. */
    public enum NumericStrategy { MEDIAN, MEAN }

    private final NumericStrategy numeric;

    public Imputer(NumericStrategy numeric) {
        this.numeric = numeric;
    }

    public static NumericStrategy strategy(String label) {
        Checks.checkArgument(label.equals("median") || label.equals("mean"), "impute.numeric: expected median or mean, got '%s'", label);
        return label.equals("median") ? NumericStrategy.MEDIAN : NumericStrategy.MEAN;
    }

    @Override
    public FittedImputer fit(Frame train) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (column instanceof NumericColumn n) {
                numbers.put(n.name(), numeric == NumericStrategy.MEDIAN ? median(n) : mean(n));
            } else if (column instanceof CategoricalColumn c) {
                String mode = mostFrequent(c);
                if (mode != null) {
                    labels.put(c.name(), mode);
                }
            }
        }
        return new FittedImputer(numbers, labels);
    }

    static double median(NumericColumn column) {
        double[] values = Arrays.stream(column.toArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return 0.0;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }

    static double mean(NumericColumn column) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.get(i);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? 0.0 : sum / count;
    }

    static String mostFrequent(CategoricalColumn column) {
        int[] counts = column.levelCounts();
        int best = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        List<String> levels = column.levels();
        return best < 0 ? null : levels.get(best);
    }
}
