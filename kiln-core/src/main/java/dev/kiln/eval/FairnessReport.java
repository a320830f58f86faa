package dev.kiln.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group fairness of a binary classifier over one sensitive column: the rates of every group, the demographic-parity
 * difference (largest minus smallest selection rate) and the equalized-odds difference (the larger of the TPR and
 * FPR spreads), as Fairlearn defines them. Groups whose rate is undefined are left out of a spread. Immutable.
 */
public record FairnessReport(String column, List<GroupRates> groups, double demographicParityDifference,
                             double equalizedOddsDifference) {
    /** The acceptance-rule name of the demographic-parity difference. */
    public static final String DP_DIFFERENCE = "dp_difference";
    /** The acceptance-rule name of the equalized-odds difference. */
    public static final String EO_DIFFERENCE = "eo_difference";
    /** The metric names a fairness report adds, for the acceptance rule. */
    public static final List<String> METRICS = List.of(DP_DIFFERENCE, EO_DIFFERENCE);

    public FairnessReport {
        groups = List.copyOf(groups);
    }

    /** The two differences keyed by their metric names. */
    public Map<String, Double> metrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(DP_DIFFERENCE, demographicParityDifference);
        out.put(EO_DIFFERENCE, equalizedOddsDifference);
        return out;
    }
}
