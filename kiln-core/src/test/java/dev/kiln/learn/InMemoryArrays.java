package dev.kiln.learn;

import dev.kiln.data.BinaryArrays;
import java.util.HashMap;
import java.util.Map;

/** {@link BinaryArrays} held in memory for tests: copies on the way in and on the way out. */
public final class InMemoryArrays implements BinaryArrays {
    private final Map<String, double[]> doubles = new HashMap<>();
    private final Map<String, int[]> ints = new HashMap<>();
    private int next;

    @Override
    public String putDoubles(double[] values) {
        String reference = "d" + next++;
        doubles.put(reference, values.clone());
        return reference;
    }

    @Override
    public String putInts(int[] values) {
        String reference = "i" + next++;
        ints.put(reference, values.clone());
        return reference;
    }

    @Override
    public double[] doubles(String reference) {
        double[] values = doubles.get(reference);
        if (values == null) {
            throw new IllegalArgumentException("no doubles under '" + reference + "'");
        }
        return values.clone();
    }

    @Override
    public int[] ints(String reference) {
        int[] values = ints.get(reference);
        if (values == null) {
            throw new IllegalArgumentException("no ints under '" + reference + "'");
        }
        return values.clone();
    }

    /** How many arrays were stored. */
    public int size() {
        return doubles.size() + ints.size();
    }
}
