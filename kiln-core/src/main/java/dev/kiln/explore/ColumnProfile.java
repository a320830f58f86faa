package dev.kiln.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Summary statistics of one column. Immutable; serialises to JSON with Jackson as it is.
 *
 * <p>Statistics that do not apply to the column's kind, or that are not finite (no values, a single value for
 * {@code std}, infinite inputs), are null.
 *
 * @param name the column name
 * @param kind the {@link dev.kiln.data.ColumnKind} label: numeric, categorical, boolean, timestamp or text
 * @param count number of non-missing values
 * @param missing number of missing values
 * @param missingFraction {@code missing / rows}; 0 for an empty column
 * @param distinct number of distinct non-missing values
 * @param min smallest value; epoch milliseconds for timestamps
 * @param max largest value; epoch milliseconds for timestamps
 * @param mean arithmetic mean (numeric only)
 * @param std sample standard deviation, ddof = 1 as pandas (numeric only)
 * @param quantiles p05, p25, p50, p75 and p95 by linear interpolation as numpy's default (numeric only)
 * @param top up to ten most frequent labels, most frequent first, ties by label (categorical, boolean, text)
 * @param minInstant {@code min} as an ISO-8601 instant (timestamps only)
 * @param maxInstant {@code max} as an ISO-8601 instant (timestamps only)
 */
public record ColumnProfile(String name, String kind, int count, int missing, double missingFraction, int distinct,
                            Double min, Double max, Double mean, Double std, Map<String, Double> quantiles,
                            List<CategoryCount> top, String minInstant, String maxInstant) {
    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        quantiles = quantiles == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(quantiles));
        top = top == null ? null : List.copyOf(top);
    }
}
