package dev.kiln.tune;

import dev.kiln.eval.Metric;
import dev.kiln.eval.Metrics;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy ensemble selection with replacement (Caruana et al., "Ensemble selection from libraries of
 * models", ICML 2004) on out-of-fold predictions: start from the best candidate, then repeatedly add (again
 * if it helps) the candidate whose addition scores best on the rows every fold validated, for up to
 * {@code rounds} rounds, keeping the best prefix. Weights are selection counts. Deterministic: ties go to
 * the earlier candidate. Cost is O(rounds × candidates × metric).
 */
final class EnsembleSelection {
    /** The chosen candidates (indexes into the input), their weights, the blend's score and the best single one's. */
    record Blend(List<Integer> members, double[] weights, double score, double singleScore) {
    }

    private EnsembleSelection() {
    }

    /**
     * @param candidates out-of-fold predictions, best candidate first
     * @param trueClasses class codes of all training rows (null for regression)
     * @param trueValues values of all training rows (null for classification)
     */
    static Blend select(List<OutOfFold> candidates, Task task, List<String> classes, Metric metric, int[] trueClasses,
                        double[] trueValues, int rounds) {
        OutOfFold first = candidates.get(0);
        int outputs = first.outputs();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < first.rows(); i++) {
            if (first.covered(i)) {
                rows.add(i);
            }
        }
        int n = rows.size();
        double[] sum = new double[n * outputs];
        int[] counts = new int[candidates.size()];
        add(sum, candidates.get(0), rows, outputs);
        counts[0] = 1;
        double singleScore = score(sum, 1, task, classes, metric, rows, trueClasses, trueValues, outputs);
        double bestScore = singleScore;
        int[] bestCounts = counts.clone();
        for (int round = 1; round < rounds; round++) {
            int chosen = -1;
            double chosenScore = Double.NaN;
            for (int c = 0; c < candidates.size(); c++) {
                double[] trial = sum.clone();
                add(trial, candidates.get(c), rows, outputs);
                double s = score(trial, round + 1, task, classes, metric, rows, trueClasses, trueValues, outputs);
                if (chosen < 0 || better(s, chosenScore, metric)) {
                    chosen = c;
                    chosenScore = s;
                }
            }
            add(sum, candidates.get(chosen), rows, outputs);
            counts[chosen]++;
            if (better(chosenScore, bestScore, metric)) {
                bestScore = chosenScore;
                bestCounts = counts.clone();
            }
        }
        List<Integer> members = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int c = 0; c < bestCounts.length; c++) {
            if (bestCounts[c] > 0) {
                members.add(c);
                weights.add((double) bestCounts[c]);
            }
        }
        return new Blend(members, weights.stream().mapToDouble(Double::doubleValue).toArray(), bestScore, singleScore);
    }

    private static void add(double[] sum, OutOfFold candidate, List<Integer> rows, int outputs) {
        for (int r = 0; r < rows.size(); r++) {
            int row = rows.get(r);
            for (int k = 0; k < outputs; k++) {
                sum[r * outputs + k] += candidate.value(row, k);
            }
        }
    }

    private static double score(double[] sum, int members, Task task, List<String> classes, Metric metric, List<Integer> rows,
                                int[] trueClasses, double[] trueValues, int outputs) {
        double[] mean = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = sum[i] / members;
        }
        if (task.isClassification()) {
            int[] truth = new int[rows.size()];
            for (int r = 0; r < truth.length; r++) {
                truth[r] = trueClasses[rows.get(r)];
            }
            return Metrics.compute(metric, Predictions.ofProbabilities(task, classes, mean), truth);
        }
        double[] truth = new double[rows.size()];
        for (int r = 0; r < truth.length; r++) {
            truth[r] = trueValues[rows.get(r)];
        }
        return Metrics.compute(metric, Predictions.ofValues(mean), truth);
    }

    static boolean better(double score, double than, Metric metric) {
        if (Double.isNaN(score)) {
            return false;
        }
        if (Double.isNaN(than)) {
            return true;
        }
        return metric.higherIsBetter() ? score > than + 1e-12 : score < than - 1e-12;
    }
}
