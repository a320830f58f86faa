package dev.kiln.eval;

/**
 * A binary classifier's rates within one group of a sensitive column: rows, selection rate (share predicted
 * positive), true-positive rate, false-positive rate and precision. A rate whose denominator is empty is NaN.
 */
public record GroupRates(String group, long count, double selectionRate, double truePositiveRate,
                         double falsePositiveRate, double precision) {
}
