package dev.kiln.learn;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of a model for a batch of rows. For regression: one value per row. For classification:
 * the probability of every class per row (row-major, rows × classes) and the most probable class.
 * Immutable.
 */
public final class Predictions {
    private final Task task;
    private final List<String> classes;
    private final double[] values;
    private final double[] probabilities;

    private Predictions(Task task, List<String> classes, double[] values, double[] probabilities) {
        this.task = task;
        this.classes = List.copyOf(classes);
        this.values = values;
        this.probabilities = probabilities;
    }

    /** Regression predictions (the array is taken over, not copied). */
    public static Predictions ofValues(double[] values) {
        return new Predictions(Task.REGRESSION, List.of(), values, null);
    }

    /**
     * Classification predictions from row-major probabilities (taken over, not copied); the predicted
     * class is the most probable one, the first on ties.
     */
    public static Predictions ofProbabilities(Task task, List<String> classes, double[] probabilities) {
        int k = classes.size();
        Checks.checkArgument(task.isClassification(), "probabilities need a classification task, got %s", task);
        Checks.checkArgument(k >= 2 && probabilities.length % k == 0,
                "probabilities length %s is not a multiple of %s classes", probabilities.length, k);
        int n = probabilities.length / k;
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[i * k + c] > probabilities[i * k + best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return new Predictions(task, classes, predicted, probabilities);
    }

    /**
     * These binary predictions with the positive class (index 1) predicted when its probability is at least
     * {@code threshold} instead of when it is the more probable class; probabilities unchanged.
     */
    public Predictions withThreshold(double threshold) {
        Checks.checkArgument(task == Task.BINARY, "a decision threshold needs binary predictions, got %s", task.label());
        Checks.checkArgument(threshold >= 0 && threshold <= Math.nextUp(1.0), "threshold must be in [0, 1]: %s", threshold);
        double[] predicted = new double[values.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = probabilities[2 * i + 1] >= threshold ? 1 : 0;
        }
        return new Predictions(task, classes, predicted, probabilities);
    }

    public Task task() {
        return task;
    }

    public List<String> classes() {
        return classes;
    }

    public int size() {
        return values.length;
    }

    /** The predicted value (regression) or predicted class index (classification) of {@code row}. */
    public double value(int row) {
        return values[row];
    }

    /** The predicted class index of {@code row}. */
    public int classIndex(int row) {
        return (int) values[row];
    }

    /** The predicted label: the class for classifiers, the formatted value for regression. */
    public String label(int row) {
        return task.isClassification() ? classes.get((int) values[row]) : Double.toString(values[row]);
    }

    /** The probability of class {@code classIndex} for {@code row}. */
    public double probability(int row, int classIndex) {
        Checks.checkArgument(probabilities != null, "regression predictions have no probabilities");
        return probabilities[row * classes.size() + classIndex];
    }

    /** A copy of the predicted values or class indexes. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the probabilities of class {@code classIndex}, one per row. */
    public double[] probabilitiesOf(int classIndex) {
        int k = classes.size();
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i * k + classIndex];
        }
        return out;
    }

    /**
     * The predictions as a frame: a {@code prediction} column (the class label, or the value), then
     * for classifiers one {@code probability_<class>} column per class.
     */
    public Frame toFrame() {
        List<Column> columns = new ArrayList<>();
        if (!task.isClassification()) {
            columns.add(NumericColumn.of("prediction", values));
            return Frame.of(columns);
        }
        int[] codes = new int[values.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (int) values[i];
        }
        columns.add(CategoricalColumn.of("prediction", codes, classes));
        for (int c = 0; c < classes.size(); c++) {
            columns.add(NumericColumn.wrap("probability_" + classes.get(c), probabilitiesOf(c)));
        }
        return Frame.of(columns);
    }
}
