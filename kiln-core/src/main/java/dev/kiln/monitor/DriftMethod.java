package dev.kiln.monitor;

import java.util.Locale;

/**
 * How one feature's drift is judged. PSI applies to every tracked kind; KS and Wasserstein to numeric
 * features, chi-squared and Jensen–Shannon to categorical ones; {@link #AUTO} picks by kind and
 * reference size, as Evidently does: with at most 1,000 reference rows a test (KS or chi-squared,
 * drift when p &lt; 0.05), with more a distance (Wasserstein normed by the reference's standard
 * deviation, or Jensen–Shannon; drift when &ge; 0.1).
 */
public enum DriftMethod {
    AUTO, PSI, KS, CHI_SQUARED, JENSEN_SHANNON, WASSERSTEIN;

    /** Below this p-value a test says drift. */
    public static final double P_THRESHOLD = 0.05;
    /** At or above this distance (JS, normed Wasserstein) a distance says drift. */
    public static final double DISTANCE_THRESHOLD = 0.1;

    public String label() {
        return switch (this) {
            case CHI_SQUARED -> "chi2";
            case JENSEN_SHANNON -> "js";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** Parses a label such as {@code ks} or {@code chi2}; null when it names no method. */
    public static DriftMethod fromLabel(String label) {
        for (DriftMethod method : values()) {
            if (method.label().equals(label)) {
                return method;
            }
        }
        return null;
    }

    /** Whether the method judges by a p-value (a test) rather than a distance. */
    public boolean isTest() {
        return this == KS || this == CHI_SQUARED;
    }
}
