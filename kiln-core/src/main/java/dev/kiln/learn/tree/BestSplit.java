package dev.kiln.learn.tree;

/**
 * The best split offered so far for one node: feature, threshold (rows with {@code x <= threshold}
 * go left), and impurity decrease. An offer replaces the best only when
 * its gain is strictly larger, so among equal gains the first offered wins: with features scanned in
 * order and thresholds ascending, the lowest feature index, then the lowest threshold. Mutable.
 */
final class BestSplit {
    private int feature = -1;
    private double threshold;
    private double gain = Double.NEGATIVE_INFINITY;

    void offer(int candidateFeature, double candidateThreshold, double candidateGain) {
        if (candidateGain > gain) {
            feature = candidateFeature;
            threshold = candidateThreshold;
            gain = candidateGain;
        }
    }

    /** Whether any split was offered. */
    boolean found() {
        return feature >= 0;
    }

    int feature() {
        return feature;
    }

    double threshold() {
        return threshold;
    }

    double gain() {
        return gain;
    }

    /** The midpoint between two consecutive distinct values {@code a < b}, or {@code a} when rounding would reach {@code b}. */
    static double midpoint(double a, double b) {
        double middle = a / 2 + b / 2;
        return middle >= a && middle < b ? middle : a;
    }
}
