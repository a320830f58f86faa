package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The target as a learner would see it: class codes (categorical, boolean, text with at most 1000
 * labels, or integer numeric with at most 20 values) or numbers. Immutable.
 *
 * @param classes class labels, or null for a numeric target
 * @param codes class code per row (-1 missing), or null
 * @param values numeric value per row (NaN missing), or null
 */
record TargetValues(List<String> classes, int[] codes, double[] values) {

    boolean isClassification() {
        return classes != null;
    }

    static TargetValues of(Column target) {
        if (target instanceof CategoricalColumn c) {
            return new TargetValues(c.levels(), c.toCodes(), null);
        }
        if (target instanceof NumericColumn n) {
            TreeMap<Double, Integer> distinct = new TreeMap<>();
            boolean integers = true;
            for (int i = 0; i < n.size() && distinct.size() <= TargetProfiler.MAX_INTEGER_CLASSES; i++) {
                double v = n.get(i);
                if (!Double.isNaN(v)) {
                    integers &= v == Math.rint(v);
                    distinct.putIfAbsent(v, 0);
                }
            }
            if (!integers || distinct.size() > TargetProfiler.MAX_INTEGER_CLASSES || distinct.size() < 2) {
                return new TargetValues(null, null, n.toArray());
            }
            List<String> classes = new ArrayList<>();
            int k = 0;
            for (Double v : distinct.keySet()) {
                distinct.put(v, k++);
                classes.add(n.format(indexOf(n, v)));
            }
            int[] codes = new int[n.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = Double.isNaN(n.get(i)) ? -1 : distinct.get(n.get(i));
            }
            return new TargetValues(classes, codes, null);
        }
        java.util.Map<String, Integer> index = new java.util.LinkedHashMap<>();
        int[] codes = new int[target.size()];
        for (int i = 0; i < codes.length; i++) {
            String label = target.format(i);
            codes[i] = label == null ? -1 : index.computeIfAbsent(label, l -> index.size());
        }
        return new TargetValues(new ArrayList<>(index.keySet()), codes, null);
    }

    private static int indexOf(NumericColumn n, double v) {
        for (int i = 0; i < n.size(); i++) {
            if (n.get(i) == v) {
                return i;
            }
        }
        return -1;
    }
}
