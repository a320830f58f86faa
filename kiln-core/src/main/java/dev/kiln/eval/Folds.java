package dev.kiln.eval;

import dev.kiln.data.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Seeded cross-validation folds of row indexes: k-fold, stratified k-fold, group k-fold, time-ordered
 * (expanding window) and repeated k-fold.
 *
 * <p>In every scheme but the time-ordered one each row is validated in exactly one fold per repeat, and a
 * fold's training rows are all the other rows. Rows are shuffled with {@link SplitMix64}, so a seed gives
 * the same folds on every JVM. Indexes in each fold are sorted ascending. Stateless and thread-safe;
 * inputs are not modified. Cost is O(n) per repeat, O(n log n) for the group and time schemes.
 */
public final class Folds {
    private Folds() {
    }

    /** {@code k} folds of {@code rows} shuffled rows; fold sizes differ by at most one. */
    public static List<Fold> kFold(int rows, int k, long seed) {
        checkFolds(rows, k);
        int[] order = identity(rows);
        new SplitMix64(seed).shuffle(order, 0, rows);
        int[] foldOf = new int[rows];
        for (int f = 0; f < k; f++) {
            for (int i = start(rows, k, f); i < start(rows, k, f + 1); i++) {
                foldOf[order[i]] = f;
            }
        }
        return fromAssignment(foldOf, k, 0);
    }

    /**
     * {@code k} folds that keep each class's share: every class's rows are shuffled and dealt round-robin,
     * class after class, so per fold a class count differs by at most one, and so do the fold sizes.
     *
     * @param classCodes the class of every row, in [0, classCount)
     */
    public static List<Fold> stratified(int[] classCodes, int classCount, int k, long seed) {
        checkFolds(classCodes.length, k);
        Checks.checkArgument(classCount >= 1, "classCount must be >= 1: %s", classCount);
        int[] start = new int[classCount + 1];
        for (int i = 0; i < classCodes.length; i++) {
            int c = classCodes[i];
            Checks.checkArgument(c >= 0 && c < classCount, "classCodes[%s] = %s is outside [0, %s)", i, c, classCount);
            start[c + 1]++;
        }
        for (int c = 0; c < classCount; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, classCount);
        int[] order = new int[classCodes.length];
        for (int i = 0; i < classCodes.length; i++) {
            order[next[classCodes[i]]++] = i;
        }
        SplitMix64 random = new SplitMix64(seed);
        for (int c = 0; c < classCount; c++) {
            random.shuffle(order, start[c], start[c + 1]);
        }
        int[] foldOf = new int[order.length];
        for (int j = 0; j < order.length; j++) {
            foldOf[order[j]] = j % k;
        }
        return fromAssignment(foldOf, k, 0);
    }

    /**
     * {@code k} folds that never split a group: groups are shuffled, then taken largest first (ties in
     * shuffled order) into the fold with the fewest rows so far (the lowest index on ties).
     *
     * @param groupCodes the group of every row, any integers &gt;= 0; at least {@code k} distinct groups
     */
    public static List<Fold> grouped(int[] groupCodes, int k, long seed) {
        checkFolds(groupCodes.length, k);
        int groupCount = 0;
        for (int i = 0; i < groupCodes.length; i++) {
            Checks.checkArgument(groupCodes[i] >= 0, "groupCodes[%s] = %s is negative", i, groupCodes[i]);
            groupCount = Math.max(groupCount, groupCodes[i] + 1);
        }
        long[] sizes = new long[groupCount];
        for (int g : groupCodes) {
            sizes[g]++;
        }
        int[] present = Arrays.stream(identity(groupCount)).filter(g -> sizes[g] > 0).toArray();
        Checks.checkArgument(present.length >= k, "group k-fold needs at least %s groups, got %s", k, present.length);
        new SplitMix64(seed).shuffle(present, 0, present.length);
        // Stable sort by size, descending: key = size * groups + shuffled position keeps shuffled order on ties.
        long[] keys = new long[present.length];
        for (int p = 0; p < present.length; p++) {
            keys[p] = -(sizes[present[p]] * present.length + (present.length - 1 - p));
        }
        Integer[] byKey = new Integer[present.length];
        for (int p = 0; p < byKey.length; p++) {
            byKey[p] = p;
        }
        Arrays.sort(byKey, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] foldOfGroup = new int[groupCount];
        long[] foldRows = new long[k];
        for (Integer p : byKey) {
            int smallest = 0;
            for (int f = 1; f < k; f++) {
                if (foldRows[f] < foldRows[smallest]) {
                    smallest = f;
                }
            }
            foldOfGroup[present[p]] = smallest;
            foldRows[smallest] += sizes[present[p]];
        }
        int[] foldOf = new int[groupCodes.length];
        for (int i = 0; i < groupCodes.length; i++) {
            foldOf[i] = foldOfGroup[groupCodes[i]];
        }
        return fromAssignment(foldOf, k, 0);
    }

    /**
     * {@code k} time-ordered folds with an expanding window: the rows, in time order, are cut into
     * {@code k + 1} contiguous blocks, and fold {@code f} trains on blocks {@code 0..f} and validates on
     * block {@code f + 1}. No fold trains on a row later than one it validates on; the first block is never
     * validated.
     *
     * @param rowsInTimeOrder every row index once, earliest first
     */
    public static List<Fold> timeOrdered(int[] rowsInTimeOrder, int k) {
        int n = rowsInTimeOrder.length;
        Checks.checkArgument(k >= 1, "folds must be >= 1: %s", k);
        Checks.checkArgument(n >= k + 1, "time-ordered %s folds need at least %s rows, got %s", k, k + 1, n);
        boolean[] seen = new boolean[n];
        for (int row : rowsInTimeOrder) {
            Checks.checkArgument(row >= 0 && row < n && !seen[row], "rowsInTimeOrder must hold each of [0, %s) once", n);
            seen[row] = true;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int[] train = Arrays.copyOfRange(rowsInTimeOrder, 0, start(n, k + 1, f + 1));
            int[] validation = Arrays.copyOfRange(rowsInTimeOrder, start(n, k + 1, f + 1), start(n, k + 1, f + 2));
            Arrays.sort(train);
            Arrays.sort(validation);
            folds.add(new Fold(0, f, train, validation));
        }
        return List.copyOf(folds);
    }

    /**
     * {@code repeats} repetitions of a seeded scheme, each with its own seed drawn from {@code seed}: for
     * instance {@code repeated(3, 7, s -> stratified(codes, classes, 5, s))}. Folds are numbered by repeat.
     */
    public static List<Fold> repeated(int repeats, long seed, LongFunction<List<Fold>> scheme) {
        Checks.checkArgument(repeats >= 1, "repeats must be >= 1: %s", repeats);
        SplitMix64 seeds = new SplitMix64(seed);
        List<Fold> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            for (Fold fold : scheme.apply(r == 0 ? seed : seeds.nextLong())) {
                out.add(new Fold(r, fold.index(), fold.train(), fold.validation()));
            }
        }
        return List.copyOf(out);
    }

    /** Row indexes sorted by {@code times} (NaN last), ties by row index: the order {@link #timeOrdered} takes. */
    public static int[] timeOrder(double[] times) {
        Integer[] rows = new Integer[times.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Arrays.sort(rows, (a, b) -> {
            int byTime = Double.compare(times[a], times[b]); // NaN sorts after every number
            return byTime != 0 ? byTime : Integer.compare(a, b);
        });
        int[] out = new int[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[i];
        }
        return out;
    }

    private static List<Fold> fromAssignment(int[] foldOf, int k, int repeat) {
        int[] validationSize = new int[k];
        for (int f : foldOf) {
            validationSize[f]++;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int[] train = new int[foldOf.length - validationSize[f]];
            int[] validation = new int[validationSize[f]];
            int t = 0;
            int v = 0;
            for (int i = 0; i < foldOf.length; i++) { // ascending i keeps both parts sorted
                if (foldOf[i] == f) {
                    validation[v++] = i;
                } else {
                    train[t++] = i;
                }
            }
            folds.add(new Fold(repeat, f, train, validation));
        }
        return List.copyOf(folds);
    }

    private static void checkFolds(int rows, int k) {
        Checks.checkArgument(k >= 2, "folds must be >= 2: %s", k);
        Checks.checkArgument(rows >= k, "%s folds need at least %s rows, got %s", k, k, rows);
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static int start(int count, int parts, int p) {
        return (int) ((long) count * p / parts);
    }
}
