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
 * For clustering: the cluster index per row, {@value #NOISE} for a row in no cluster (DBSCAN's noise).
 * For anomaly detection: the anomaly score per row in [0, 1] and the threshold above which a row is an
 * anomaly. Immutable.
 */
public final class Predictions {
    private final Task task;
    private final List<String> classes;
    private final double[] values;
    private final double[] probabilities;
    private final double anomalyThreshold;

    /** The cluster index of a row that belongs to no cluster (noise). */
    public static final int NOISE = -1;
    /** The label of a noise row's cluster. */
    public static final String NOISE_LABEL = "noise";

    private Predictions(Task task, List<String> classes, double[] values, double[] probabilities) {
        this(task, classes, values, probabilities, Double.NaN);
    }

    private Predictions(Task task, List<String> classes, double[] values, double[] probabilities, double anomalyThreshold) {
        this.task = task;
        this.classes = List.copyOf(classes);
        this.values = values;
        this.probabilities = probabilities;
        this.anomalyThreshold = anomalyThreshold;
    }

    /** Clustering predictions: the cluster index of every row, {@link #NOISE} for none (the array is taken over). */
    public static Predictions ofClusters(double[] clusters) {
        for (int i = 0; i < clusters.length; i++) {
            Checks.checkArgument(clusters[i] == Math.rint(clusters[i]) && clusters[i] >= NOISE,
                    "cluster index of row %s must be an integer >= -1, got %s", i, clusters[i]);
        }
        return new Predictions(Task.CLUSTERING, List.of(), clusters, null);
    }

    /**
     * Anomaly predictions: the score of every row in [0, 1] (the array is taken over) and the score from
     * above which a row counts as an anomaly.
     */
    public static Predictions ofAnomalyScores(double[] scores, double threshold) {
        Checks.checkArgument(threshold >= 0 && threshold <= 1, "anomaly threshold must be in [0, 1], got %s", threshold);
        return new Predictions(Task.ANOMALY, List.of(), scores, null, threshold);
    }

    /** Whether {@code row} is an anomaly: its score is above the threshold. {@link IllegalStateException} for other tasks. */
    public boolean isAnomaly(int row) {
        if (task != Task.ANOMALY) {
            throw new IllegalStateException(task.label() + " predictions have no anomaly flag");
        }
        return values[row] > anomalyThreshold;
    }

    /** The score above which a row is an anomaly; NaN for other tasks. */
    public double anomalyThreshold() {
        return anomalyThreshold;
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

    /**
     * The predicted value (regression), predicted class index (classification), cluster index
     * (clustering) or anomaly score (anomaly detection) of {@code row}.
     */
    public double value(int row) {
        return values[row];
    }

    /** The predicted class index of {@code row}. */
    public int classIndex(int row) {
        return (int) values[row];
    }

    /**
     * The predicted label: the class for classifiers, the cluster index for clustering ({@value #NOISE_LABEL}
     * for noise), the formatted value otherwise.
     */
    public String label(int row) {
        if (task == Task.CLUSTERING) {
            return values[row] == NOISE ? NOISE_LABEL : Integer.toString((int) values[row]);
        }
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
     * for classifiers one {@code probability_<class>} column per class. Clustering: {@code prediction} holds
     * the cluster index ({@value #NOISE} for noise); anomaly detection: {@code prediction} holds the score and
     * {@code is_anomaly} 1 for an anomaly, else 0.
     */
    public Frame toFrame() {
        List<Column> columns = new ArrayList<>();
        if (task == Task.ANOMALY) {
            double[] flags = new double[values.length];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = isAnomaly(i) ? 1 : 0;
            }
            return Frame.of(NumericColumn.of("prediction", values), NumericColumn.wrap("is_anomaly", flags));
        }
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
