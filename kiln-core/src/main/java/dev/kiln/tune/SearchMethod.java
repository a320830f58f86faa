package dev.kiln.tune;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A search strategy, named in specs ({@code search: { method: tpe }}) and on the command line. */
public enum SearchMethod {
    /** Every combination of a few values per dimension ({@link GridSampler}). */
    GRID,
    /** Independent random draws ({@link RandomSampler}). */
    RANDOM,
    /** Bayesian optimisation with the tree-structured Parzen estimator ({@link TpeSampler}). */
    TPE,
    /** Successive halving over random configurations ({@link SuccessiveHalving}). */
    HALVING,
    /** Hyperband: successive halving brackets from aggressive to none ({@link SuccessiveHalving}). */
    HYPERBAND;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method named {@code label} ({@code bayesian} is TPE), or null when it names none. */
    public static SearchMethod fromLabel(String label) {
        if ("bayesian".equals(label)) {
            return TPE;
        }
        return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst().orElse(null);
    }

    /** The labels of all methods, plus {@code bayesian}. */
    public static List<String> labels() {
        List<String> out = new java.util.ArrayList<>(Arrays.stream(values()).map(SearchMethod::label).toList());
        out.add("bayesian");
        return List.copyOf(out);
    }
}
