package dev.kiln.tune;

import dev.kiln.learn.SearchSpace;
import java.util.SplittableRandom;

/**
 * Maps a search dimension to and from the unit interval: numeric ranges linearly or in log space, choices
 * by value index. Spec strings are written as Java prints them ({@code 12}, {@code 0.05}). Stateless.
 */
final class SpaceCoding {
    private SpaceCoding() {
    }

    /** The spec string of the point at {@code u} in [0, 1] (a choice index for choices). */
    static String decode(SearchSpace.Dimension dimension, double u) {
        double clamped = Math.max(0, Math.min(1, u));
        if (dimension instanceof SearchSpace.IntRange r) {
            return Integer.toString((int) Math.round(scale(r.min(), r.max(), r.log(), clamped)));
        }
        if (dimension instanceof SearchSpace.RealRange r) {
            return Double.toString(round(scale(r.min(), r.max(), r.log(), clamped)));
        }
        SearchSpace.Choice c = (SearchSpace.Choice) dimension;
        return c.values().get(Math.min(c.values().size() - 1, (int) (clamped * c.values().size())));
    }

    /** The unit-interval position of {@code value}, NaN when it does not parse or is not a choice value. */
    static double encode(SearchSpace.Dimension dimension, String value) {
        try {
            if (dimension instanceof SearchSpace.IntRange r) {
                return unscale(r.min(), r.max(), r.log(), Double.parseDouble(value));
            }
            if (dimension instanceof SearchSpace.RealRange r) {
                return unscale(r.min(), r.max(), r.log(), Double.parseDouble(value));
            }
            SearchSpace.Choice c = (SearchSpace.Choice) dimension;
            return c.values().contains(value) ? (c.values().indexOf(value) + 0.5) / c.values().size() : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A uniformly random spec string of {@code dimension}. */
    static String random(SearchSpace.Dimension dimension, SplittableRandom random) {
        return decode(dimension, random.nextDouble());
    }

    private static double scale(double min, double max, boolean log, double u) {
        if (min == max) {
            return min;
        }
        return log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
    }

    private static double unscale(double min, double max, boolean log, double v) {
        if (min == max) {
            return 0.5;
        }
        double u = log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
        return Math.max(0, Math.min(1, u));
    }

    /** Four significant digits: enough for a hyper-parameter, and short in reports. */
    private static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }
}
