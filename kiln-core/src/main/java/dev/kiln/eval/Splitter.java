package dev.kiln.eval;

import dev.kiln.data.Checks;
import java.util.Arrays;

/**
 * Seeded train/validation/test splits of row indexes.
 *
 * <p>Rows are shuffled with {@link SplitMix64}, so a seed gives the same split on every JVM. Part sizes are
 * {@code Math.round(rows * fraction)} for test and validation, the rest going to training. A stratified
 * split rounds per class, so each part keeps the class proportions; a class with at least one row per
 * non-empty part appears in every part, and every class with rows keeps at least one training row.
 * Indexes in each part are sorted ascending. Stateless and thread-safe; inputs are not modified.
 */
public final class Splitter {
    private Splitter() {
    }

    /**
     * A random split of {@code rows} rows.
     *
     * @param validationFraction share of rows for validation, in [0, 1); 0 gives an empty validation part
     * @param testFraction share of rows for test, in [0, 1); the two fractions must sum to less than 1
     */
    public static Split holdout(int rows, double validationFraction, double testFraction, long seed) {
        Checks.checkArgument(rows >= 0, "rows must be >= 0: %s", rows);
        checkFractions(validationFraction, testFraction);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        new SplitMix64(seed).shuffle(order, 0, rows);
        int testSize = (int) Math.round(rows * testFraction);
        int validationSize = (int) Math.round(rows * validationFraction);
        int[] test = Arrays.copyOfRange(order, 0, testSize);
        int[] validation = Arrays.copyOfRange(order, testSize, testSize + validationSize);
        int[] train = Arrays.copyOfRange(order, testSize + validationSize, rows);
        return sorted(train, validation, test);
    }

    /**
     * A random split that keeps the proportion of each class in every part.
     *
     * @param classCodes the class of every row, in [0, classCount)
     * @param classCount number of classes, at least 1
     * @param validationFraction share of each class for validation, in [0, 1); 0 gives an empty validation part
     * @param testFraction share of each class for test, in [0, 1); the two fractions must sum to less than 1
     */
    public static Split stratified(int[] classCodes, int classCount, double validationFraction, double testFraction,
                                   long seed) {
        Checks.checkArgument(classCount >= 1, "classCount must be >= 1: %s", classCount);
        checkFractions(validationFraction, testFraction);
        int[] classStart = classStarts(classCodes, classCount);
        int[] order = rowsByClass(classCodes, classStart);
        int[] testSizes = new int[classCount];
        int[] validationSizes = new int[classCount];
        int testTotal = 0;
        int validationTotal = 0;
        for (int c = 0; c < classCount; c++) {
            int[] sizes = partSizes(classStart[c + 1] - classStart[c], validationFraction, testFraction);
            validationSizes[c] = sizes[0];
            testSizes[c] = sizes[1];
            validationTotal += sizes[0];
            testTotal += sizes[1];
        }
        int[] train = new int[classCodes.length - testTotal - validationTotal];
        int[] validation = new int[validationTotal];
        int[] test = new int[testTotal];
        fillParts(order, classStart, validationSizes, testSizes, new SplitMix64(seed), train, validation, test);
        return sorted(train, validation, test);
    }

    /** Shuffles each class's rows and hands out its first rows to test, the next to validation, the rest to train. */
    private static void fillParts(int[] order, int[] classStart, int[] validationSizes, int[] testSizes,
                                  SplitMix64 random, int[] train, int[] validation, int[] test) {
        int trainAt = 0;
        int validationAt = 0;
        int testAt = 0;
        for (int c = 0; c < testSizes.length; c++) {
            int from = classStart[c];
            int to = classStart[c + 1];
            random.shuffle(order, from, to);
            System.arraycopy(order, from, test, testAt, testSizes[c]);
            System.arraycopy(order, from + testSizes[c], validation, validationAt, validationSizes[c]);
            int trainFrom = from + testSizes[c] + validationSizes[c];
            System.arraycopy(order, trainFrom, train, trainAt, to - trainFrom);
            testAt += testSizes[c];
            validationAt += validationSizes[c];
            trainAt += to - trainFrom;
        }
    }

    private static void checkFractions(double validationFraction, double testFraction) {
        Checks.checkArgument(validationFraction >= 0 && validationFraction < 1,
                "validationFraction must be in [0, 1): %s", validationFraction);
        Checks.checkArgument(testFraction >= 0 && testFraction < 1, "testFraction must be in [0, 1): %s", testFraction);
        Checks.checkArgument(validationFraction + testFraction < 1,
                "validationFraction + testFraction must be < 1: %s + %s", validationFraction, testFraction);
    }

    /** Start of each class's rows in the grouped order, plus the total at index classCount (a counting sort). */
    private static int[] classStarts(int[] classCodes, int classCount) {
        int[] start = new int[classCount + 1];
        for (int i = 0; i < classCodes.length; i++) {
            int c = classCodes[i];
            Checks.checkArgument(c >= 0 && c < classCount, "classCodes[%s] = %s is outside [0, %s)", i, c, classCount);
            start[c + 1]++;
        }
        for (int c = 0; c < classCount; c++) {
            start[c + 1] += start[c];
        }
        return start;
    }

    /** Row indexes grouped by class, ascending within each class. */
    private static int[] rowsByClass(int[] classCodes, int[] classStart) {
        int[] next = Arrays.copyOf(classStart, classStart.length - 1);
        int[] order = new int[classCodes.length];
        for (int i = 0; i < classCodes.length; i++) {
            order[next[classCodes[i]]++] = i;
        }
        return order;
    }

    /**
     * {validation, test} row counts for a class of {@code n} rows: rounded shares, raised to one row for each
     * non-empty part when the class has a row per part, then lowered (the larger first) to leave one training row.
     */
    static int[] partSizes(int n, double validationFraction, double testFraction) {
        int parts = 1 + (validationFraction > 0 ? 1 : 0) + (testFraction > 0 ? 1 : 0);
        int minValidation = validationFraction > 0 && n >= parts ? 1 : 0;
        int minTest = testFraction > 0 && n >= parts ? 1 : 0;
        int validation = Math.max((int) Math.round(n * validationFraction), minValidation);
        int test = Math.max((int) Math.round(n * testFraction), minTest);
        while (n > 0 && validation + test > n - 1) {
            boolean lowerValidation = validation > minValidation && (validation >= test || test == minTest);
            if (lowerValidation) {
                validation--;
            } else {
                test--;
            }
        }
        return new int[] {validation, test};
    }

    private static Split sorted(int[] train, int[] validation, int[] test) {
        Arrays.sort(train);
        Arrays.sort(validation);
        Arrays.sort(test);
        return new Split(train, validation, test);
    }
}
