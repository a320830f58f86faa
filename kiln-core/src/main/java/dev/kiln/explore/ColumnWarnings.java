package dev.kiln.explore;

import dev.kiln.data.Column;
import dev.kiln.data.NumericColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The warnings about single columns, from their profile and statistics. Stateless. */
final class ColumnWarnings {
    static final double NEAR_CONSTANT_SHARE = 0.95;
    static final double HIGH_MISSING = 0.3;
    static final double HEAVY_SKEW = 2.0;
    static final int HIGH_CARDINALITY = 50;
    static final int MIN_ID_ROWS = 20;

    private ColumnWarnings() {
    }

    static void add(Column column, ColumnProfile profile, NumericStats stats, List<Warning> out) {
        String name = column.name();
        if (profile.missingFraction() >= HIGH_MISSING) {
            out.add(new Warning("high_missing", name, String.format(Locale.ROOT, "'%s' is missing in %.1f%% of rows", name,
                    100 * profile.missingFraction()), Map.of("missing", profile.missing(), "missing_fraction", profile.missingFraction())));
        }
        if (profile.count() > 0 && profile.distinct() <= 1) {
            out.add(new Warning("constant", name, "'" + name + "' has a single value", Map.of("distinct", profile.distinct())));
            return;
        }
        double topShare = topShare(profile, stats);
        if (topShare >= NEAR_CONSTANT_SHARE) {
            out.add(new Warning("near_constant", name, String.format(Locale.ROOT, "%.1f%% of the values of '%s' are the same",
                    100 * topShare, name), Map.of("top_share", topShare, "distinct", profile.distinct())));
        }
        boolean labels = profile.top() != null;
        boolean integers = stats != null && allIntegers(stats.sortedValues());
        if (profile.count() >= MIN_ID_ROWS && profile.distinct() == profile.count() && (labels || integers)
                && !profile.kind().equals("boolean")) {
            out.add(new Warning("id_like", name, "every value of '" + name + "' is different: an identifier, not a feature?",
                    Map.of("distinct", profile.distinct(), "count", profile.count())));
        } else if (labels && profile.distinct() > HIGH_CARDINALITY) {
            out.add(new Warning("high_cardinality", name, "'" + name + "' has " + profile.distinct() + " distinct labels",
                    Map.of("distinct", profile.distinct(), "distinct_fraction", (double) profile.distinct() / Math.max(1, profile.count()))));
        }
        if (stats != null && column instanceof NumericColumn) {
            double skew = skewness(stats);
            if (Math.abs(skew) >= HEAVY_SKEW) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("skewness", skew);
                evidence.put("median", profile.quantiles() == null ? null : profile.quantiles().get("p50"));
                evidence.put("max", profile.max());
                out.add(new Warning("skewed", name, String.format(Locale.ROOT, "'%s' is heavily skewed (skewness %.2f)", name, skew),
                        evidence));
            }
        }
    }

    /** The share of the most frequent value among present values. */
    private static double topShare(ColumnProfile profile, NumericStats stats) {
        if (profile.count() == 0) {
            return 0;
        }
        if (profile.top() != null && !profile.top().isEmpty()) {
            return (double) profile.top().get(0).count() / profile.count();
        }
        if (stats == null) {
            return 0;
        }
        double[] sorted = stats.sortedValues();
        int best = 0;
        int run = 0;
        for (int i = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return (double) best / sorted.length;
    }

    private static boolean allIntegers(double[] values) {
        for (double v : values) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return values.length > 0;
    }

    /** Sample skewness g1 = m3 / m2^1.5 of the present values; 0 when undefined. */
    static double skewness(NumericStats stats) {
        double[] values = stats.sortedValues();
        if (values.length < 3 || stats.mean() == null) {
            return 0;
        }
        double mean = stats.mean();
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= values.length;
        m3 /= values.length;
        double g = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
        return Double.isFinite(g) ? g : 0;
    }
}
