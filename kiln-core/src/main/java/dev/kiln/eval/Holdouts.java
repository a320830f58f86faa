package dev.kiln.eval;

import dev.kiln.data.Checks;
import java.util.Arrays;

/**
 * Train/validation/test splits that respect time or groups, beside {@link Splitter}'s random ones: a
 * time-ordered split tests on the latest rows and validates on the ones just before them; a group split
 * puts every row of a group in the same part. Sizes follow {@link Splitter}'s rounding ({@code
 * Math.round(rows * fraction)}; a group split reaches at least that many rows, whole groups at a time).
 * Indexes in each part are sorted ascending. Stateless and thread-safe; inputs are not modified.
 */
public final class Holdouts {
    private Holdouts() {
    }

    /**
     * The last {@code testFraction} of the rows in time order for test, the {@code validationFraction}
     * before them for validation, the earliest for training.
     *
     * @param rowsInTimeOrder every row index once, earliest first (see {@link Folds#timeOrder})
     */
    public static Split byTime(int[] rowsInTimeOrder, double validationFraction, double testFraction) {
        checkFractions(validationFraction, testFraction);
        int n = rowsInTimeOrder.length;
        int testSize = (int) Math.round(n * testFraction);
        int validationSize = (int) Math.round(n * validationFraction);
        int trainSize = n - testSize - validationSize;
        int[] train = Arrays.copyOfRange(rowsInTimeOrder, 0, trainSize);
        int[] validation = Arrays.copyOfRange(rowsInTimeOrder, trainSize, trainSize + validationSize);
        int[] test = Arrays.copyOfRange(rowsInTimeOrder, trainSize + validationSize, n);
        return sorted(train, validation, test);
    }

    /**
     * Whole groups, in seeded random order, go to test until it holds at least {@code testFraction} of the
     * rows, then to validation likewise; the remaining groups train. At least one group always trains.
     *
     * @param groupCodes the group of every row, any integers &gt;= 0
     */
    public static Split byGroup(int[] groupCodes, double validationFraction, double testFraction, long seed) {
        checkFractions(validationFraction, testFraction);
        int groupCount = 0;
        for (int i = 0; i < groupCodes.length; i++) {
            Checks.checkArgument(groupCodes[i] >= 0, "groupCodes[%s] = %s is negative", i, groupCodes[i]);
            groupCount = Math.max(groupCount, groupCodes[i] + 1);
        }
        int[] sizes = new int[groupCount];
        for (int g : groupCodes) {
            sizes[g]++;
        }
        int[] order = Arrays.stream(range(groupCount)).filter(g -> sizes[g] > 0).toArray();
        new SplitMix64(seed).shuffle(order, 0, order.length);
        int n = groupCodes.length;
        long testTarget = Math.round(n * testFraction);
        long validationTarget = Math.round(n * validationFraction);
        int[] partOfGroup = new int[groupCount]; // 0 train, 1 validation, 2 test
        long testRows = 0;
        long validationRows = 0;
        for (int p = 0; p < order.length - 1; p++) { // the last group always trains
            int g = order[p];
            if (testRows < testTarget) {
                partOfGroup[g] = 2;
                testRows += sizes[g];
            } else if (validationRows < validationTarget) {
                partOfGroup[g] = 1;
                validationRows += sizes[g];
            }
        }
        int[] counts = new int[3];
        for (int g : groupCodes) {
            counts[partOfGroup[g]]++;
        }
        int[][] parts = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
        int[] at = new int[3];
        for (int i = 0; i < n; i++) {
            int part = partOfGroup[groupCodes[i]];
            parts[part][at[part]++] = i;
        }
        return new Split(parts[0], parts[1], parts[2]);
    }

    private static void checkFractions(double validationFraction, double testFraction) {
        Checks.checkArgument(validationFraction >= 0 && validationFraction < 1,
                "validationFraction must be in [0, 1): %s", validationFraction);
        Checks.checkArgument(testFraction >= 0 && testFraction < 1, "testFraction must be in [0, 1): %s", testFraction);
        Checks.checkArgument(validationFraction + testFraction < 1,
                "validationFraction + testFraction must be < 1: %s + %s", validationFraction, testFraction);
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static Split sorted(int[] train, int[] validation, int[] test) {
        Arrays.sort(train);
        Arrays.sort(validation);
        Arrays.sort(test);
        return new Split(train, validation, test);
    }
}
