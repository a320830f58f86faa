package dev.kiln.eval;

import java.util.Arrays;

/**
 * Points of a curve such as ROC (x = false-positive rate, y = true-positive rate) or precision–recall
 * (x = recall, y = precision), with the score threshold at each point (NaN where a point has none).
 * Immutable: arrays are copied in and out.
 */
public record Curve(double[] x, double[] y, double[] thresholds) {
    public Curve {
        x = x.clone();
        y = y.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** At most {@code max} (>= 2) of the points, evenly spaced by index, always keeping the first and the last. */
    public Curve thinned(int max) {
        if (x.length <= max) {
            return this;
        }
        double[] tx = new double[max];
        double[] ty = new double[max];
        double[] tt = new double[max];
        for (int i = 0; i < max; i++) {
            int at = (int) Math.round((double) i * (x.length - 1) / (max - 1));
            tx[i] = x[at];
            ty[i] = y[at];
            tt[i] = thresholds[at];
        }
        return new Curve(tx, ty, tt);
    }

    /** The number of points. */
    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y) && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(y)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "Curve[" + x.length + " points]";
    }
}
