package dev.kiln.prep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/**
 * An isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008) over rows of finite numbers:
 * each tree isolates a random sub-sample of {@code sampleSize} rows by splitting on a random feature at a
 * uniformly random value between the node's minimum and maximum, down to a height limit of
 * {@code ceil(log2 sampleSize)}. The anomaly score of a row is {@code s = 2^(-E[h(x)] / c(sampleSize))}, in
 * [0, 1]: the path length {@code h} averaged over the trees, a leaf of {@code m} rows counting
 * {@code depth + c(m)}, with {@code c(m) = 2 H(m - 1) - 2 (m - 1) / m} the average path length of an
 * unsuccessful binary-search-tree search. Scores near 1 are anomalies; well below 0.5 are normal.
 *
 * <p>The core that both the {@code isolation_forest} learner and the isolation-forest outlier step of
 * preparation use (here so that preparation need not import the learners). Trees are grown in parallel,
 * each from its own seed drawn in tree order from the forest's seed, and laid out in tree order, so the
 * forest is the same, bit for bit, for any thread count. Immutable and thread-safe;
 * {@link #score(double[])} allocates nothing. Stored as flat node arrays (split feature, or -1 for a leaf;
 * split value, or a leaf's path length; left and right child).
 */
public final class IsolationForest {
    private static final double EULER_GAMMA = 0.5772156649015329;

    private final int features;
    private final int sampleSize;
    private final int[] roots;
    private final int[] splitFeature;
    private final double[] splitValue;
    private final int[] left;
    private final int[] right;
    private final double normaliser;

    private IsolationForest(int features, int sampleSize, int[] roots, int[] splitFeature, double[] splitValue, int[] left,
                            int[] right) {
        Checks.checkArgument(features >= 1 && sampleSize >= 1 && roots.length >= 1, "isolation forest: empty");
        int nodes = splitFeature.length;
        Checks.checkArgument(splitValue.length == nodes && left.length == nodes && right.length == nodes,
                "isolation forest: node arrays of different lengths");
        for (int node = 0; node < nodes; node++) {
            Checks.checkArgument(splitFeature[node] < features, "isolation forest: node %s splits on feature %s of %s",
                    node, splitFeature[node], features);
            Checks.checkArgument(splitFeature[node] < 0 || (left[node] > node && left[node] < nodes && right[node] > node
                    && right[node] < nodes), "isolation forest: node %s has bad children", node);
        }
        for (int root : roots) {
            Checks.checkArgument(root >= 0 && root < nodes, "isolation forest: bad root %s", root);
        }
        this.features = features;
        this.sampleSize = sampleSize;
        this.roots = roots;
        this.splitFeature = splitFeature;
        this.splitValue = splitValue;
        this.left = left;
        this.right = right;
        this.normaliser = Math.max(averagePathLength(sampleSize), 1e-12);
    }

    /**
     * Grows {@code trees} trees on the {@code n} rows of {@code rows} (row-major, {@code d} finite values per
     * row), each on {@code min(maxSamples, n)} rows drawn without replacement, on up to {@code threads} threads.
     */
    public static IsolationForest fit(double[] rows, int n, int d, int trees, int maxSamples, long seed, int threads) {
        Checks.checkArgument(n >= 1 && d >= 1 && rows.length == (long) n * d, "isolation forest: expected %s x %s values, got %s",
                n, d, rows.length);
        Checks.checkArgument(trees >= 1 && maxSamples >= 2 && threads >= 1, "isolation forest: bad sizes");
        int psi = Math.min(maxSamples, n);
        SplittableRandom seeds = new SplittableRandom(seed);
        long[] treeSeeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            treeSeeds[t] = seeds.nextLong();
        }
        IsolationTreeBuilder[] built = new IsolationTreeBuilder[trees];
        List<Callable<Void>> tasks = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            int tree = t;
            tasks.add(() -> {
                built[tree] = IsolationTreeBuilder.grow(rows, n, d, psi, new SplittableRandom(treeSeeds[tree]));
                return null;
            });
        }
        runAll(tasks, threads);
        return concatenate(d, psi, built);
    }

    private static void runAll(List<Callable<Void>> tasks, int threads) {
        if (threads == 1) {
            for (Callable<Void> task : tasks) {
                try {
                    task.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while growing the isolation forest", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("growing the isolation forest failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static IsolationForest concatenate(int d, int psi, IsolationTreeBuilder[] built) {
        int total = 0;
        for (IsolationTreeBuilder tree : built) {
            total += tree.size();
        }
        int[] roots = new int[built.length];
        int[] feature = new int[total];
        double[] value = new double[total];
        int[] leftChild = new int[total];
        int[] rightChild = new int[total];
        int offset = 0;
        for (int t = 0; t < built.length; t++) {
            roots[t] = offset;
            built[t].copyInto(offset, feature, value, leftChild, rightChild);
            offset += built[t].size();
        }
        return new IsolationForest(d, psi, roots, feature, value, leftChild, rightChild);
    }

    /** {@code c(m)}: the average path length of an unsuccessful search in a binary search tree of {@code m} keys. */
    static double averagePathLength(double m) {
        if (m <= 1) {
            return 0;
        }
        if (m <= 2) {
            return 1;
        }
        return 2 * (Math.log(m - 1) + EULER_GAMMA) - 2 * (m - 1) / m;
    }

    /** The anomaly score of {@code x} ({@link #features()} values), in [0, 1]. Allocates nothing. */
    public double score(double[] x) {
        return score(x, 0);
    }

    /** The anomaly score of the row at {@code offset} in {@code rows}. */
    public double score(double[] rows, int offset) {
        double sum = 0;
        for (int root : roots) {
            int node = root;
            while (splitFeature[node] >= 0) {
                node = rows[offset + splitFeature[node]] <= splitValue[node] ? left[node] : right[node];
            }
            sum += splitValue[node];
        }
        return Math.pow(2, -(sum / roots.length) / normaliser);
    }

    /** The scores of the {@code n} rows of {@code rows} (row-major). */
    public double[] scores(double[] rows, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = score(rows, i * features);
        }
        return out;
    }

    /**
     * The score above which a row is an anomaly: 0.5 when {@code contamination} is NaN ("auto", the paper's
     * rule), otherwise the {@code 1 - contamination} quantile (linear interpolation) of {@code trainScores},
     * so that about that fraction of the training rows lies above it.
     */
    public static double threshold(double[] trainScores, double contamination) {
        if (Double.isNaN(contamination)) {
            return 0.5;
        }
        Checks.checkArgument(contamination > 0 && contamination <= 0.5, "contamination must be in (0, 0.5], got %s", contamination);
        double[] sorted = trainScores.clone();
        Arrays.sort(sorted);
        double position = (1 - contamination) * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    public int features() {
        return features;
    }

    public int trees() {
        return roots.length;
    }

    public int sampleSize() {
        return sampleSize;
    }

    /** Writes the forest's fields into {@code json}, its node arrays into {@code arrays}. */
    public void writeTo(ObjectNode json, BinaryArrays arrays) {
        json.put("forest_features", features);
        json.put("sample_size", sampleSize);
        json.put("roots", arrays.putInts(roots));
        json.put("split_feature", arrays.putInts(splitFeature));
        json.put("split_value", arrays.putDoubles(splitValue));
        json.put("left", arrays.putInts(left));
        json.put("right", arrays.putInts(right));
    }

    /** Reads a forest written by {@link #writeTo}; {@link IllegalArgumentException} naming a malformed field. */
    public static IsolationForest readFrom(JsonNode json, BinaryArrays arrays) {
        return new IsolationForest(integer(json, "forest_features"), integer(json, "sample_size"),
                arrays.ints(text(json, "roots")), arrays.ints(text(json, "split_feature")),
                arrays.doubles(text(json, "split_value")), arrays.ints(text(json, "left")), arrays.ints(text(json, "right")));
    }

    private static int integer(JsonNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.isIntegralNumber(), "%s: expected an integer", field);
        return node.intValue();
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.isTextual(), "%s: expected a string", field);
        return node.textValue();
    }
}
