package dev.kiln.monitor;

import dev.kiln.data.Checks;

/**
 * The Drift Detection Method of Gama, Medas, Castillo and Rodrigues ("Learning with drift detection", SBIA 2004)
 * on a stream of 0/1 errors: with error rate {@code p} and {@code s = sqrt(p (1 - p) / n)} after {@code n} values,
 * it keeps the minimum of {@code p + s}; warning when {@code p + s >= pMin + warn * sMin}, drift (and a restart)
 * when {@code p + s >= pMin + drift * sMin}; nothing before {@code minInstances}. Defaults 30, 2 and 3, as in the
 * paper and in river. Not thread-safe.
 */
public final class Ddm implements DriftDetector {
    private final int minInstances;
    private final double warn;
    private final double drift;
    private long n;
    private double errors;
    private double pMin;
    private double sMin;

    public Ddm(int minInstances, double warn, double drift) {
        Checks.checkArgument(minInstances >= 1, "minInstances must be at least 1: %s", minInstances);
        Checks.checkArgument(warn > 0 && drift > warn, "need 0 < warn < drift: %s, %s", warn, drift);
        this.minInstances = minInstances;
        this.warn = warn;
        this.drift = drift;
        reset();
    }

    /** 30 values before judging, warning at 2 and drift at 3 standard deviations. */
    public static Ddm defaults() {
        return new Ddm(30, 2.0, 3.0);
    }

    private void reset() {
        n = 0;
        errors = 0;
        pMin = Double.MAX_VALUE;
        sMin = Double.MAX_VALUE;
    }

    @Override
    public State update(double value) {
        Checks.checkArgument(value == 0 || value == 1, "DDM takes 0/1 errors, got %s", value);
        n++;
        errors += value;
        double p = errors / n;
        double s = Math.sqrt(p * (1 - p) / n);
        if (n < minInstances) {
            return State.STABLE;
        }
        if (p + s <= pMin + sMin) {
            pMin = p;
            sMin = s;
        }
        if (p + s >= pMin + drift * sMin) {
            reset();
            return State.DRIFT;
        }
        return p + s >= pMin + warn * sMin ? State.WARNING : State.STABLE;
    }

    @Override
    public long count() {
        return n;
    }
}
