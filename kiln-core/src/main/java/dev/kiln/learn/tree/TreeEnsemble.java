package dev.kiln.learn.tree;

import dev.kiln.learn.ParallelLoop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import java.util.Arrays;

/**
 * Many binary trees in shared flat arrays: the serving form of boosted and bagged ensembles. Tree
 * {@code t} owns internal nodes {@code [nodeStart[t], nodeStart[t+1])} and leaves
 * {@code [leafStart[t], leafStart[t+1])}; a child index {@code c >= 0} is an internal node of the same
 * tree and {@code c < 0} is its leaf {@code ~c}. A tree without internal nodes is a single leaf.
 * A numeric node sends {@code x <= threshold} left, NaN by its learned default direction, the rest
 * right; a categorical node sends a value left when the bit of its bin (see
 * {@link FeatureBins#categoryBin}) is set in its 256-bit category set. Every leaf holds {@code width}
 * values. Children always come after their parent, which the constructor checks, so walks end.
 *
 * <p>Immutable and thread-safe: arrays are copied in and never handed out; {@link #leaf} allocates
 * nothing and costs one comparison per level.
 */
public final class TreeEnsemble {
    /** Rows walked at a time when covers are counted from {@link FeatureColumns}. */
    private static final int COVER_BLOCK = 4096;
    /** Flag bit: a missing value goes left. */
    static final int DEFAULT_LEFT = 1;
    /** Flag bit: the node tests a category set. */
    static final int CATEGORICAL = 2;
    private static final int FEATURE_MASK = (1 << 24) - 1;
    /** Ints per category set (256 bits). */
    static final int CATEGORY_WORDS = 8;

    private final int width;
    private final int[] nodeStart;
    private final int[] leafStart;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final int[] flags;
    private final int[] categoryStart;
    private final int[] categoryWords;
    private final double[] gain;
    private final double[] leafValues;
    /** Training rows that reached each internal node and each leaf, for TreeSHAP; null in ensembles that predate them. */
    private final double[] nodeCover;
    private final double[] leafCover;
    /** Each tree as TreeSHAP walks it, with its depth and expected values; null without covers. */
    private final EnsembleShapTree[] shapTrees;
    /** Serving layout, derived: feature in the low 24 bits, flags above; children at 2i (left) and 2i+1 (right). */
    private final int[] featureAndFlags;
    private final int[] children;
    /** The branch-free walk layout, for ensembles without categorical splits and with one value per leaf; else null. */
    private final BranchFreeTrees walks;
    /**
     * The coded walk layout for blocks of rows, built on first use (only GBM batch prediction walks on codes, and a
     * forest's layout would be large): null until then, {@link #NOT_CODED} when {@link #walks} is absent or some
     * feature has too many thresholds.
     */
    private volatile Object coded;
    private static final Object NOT_CODED = new Object();

    TreeEnsemble(int width, int[] nodeStart, int[] leafStart, int[] feature, double[] threshold, int[] left, int[] right,
            int[] flags, int[] categoryStart, int[] categoryWords, double[] gain, double[] leafValues) {
        this(width, nodeStart, leafStart, feature, threshold, left, right, flags, categoryStart, categoryWords, gain, leafValues,
                null, null);
    }

    private TreeEnsemble(int width, int[] nodeStart, int[] leafStart, int[] feature, double[] threshold, int[] left, int[] right,
            int[] flags, int[] categoryStart, int[] categoryWords, double[] gain, double[] leafValues, double[] nodeCover,
            double[] leafCover) {
        int trees = nodeStart.length - 1;
        int nodes = feature.length;
        Checks.checkArgument(width >= 1 && trees >= 0 && leafStart.length == trees + 1, "trees: bad tree offsets");
        Checks.checkArgument(threshold.length == nodes && left.length == nodes && right.length == nodes && flags.length == nodes
                && categoryStart.length == nodes && gain.length == nodes, "trees: node arrays must all have %s entries", nodes);
        Checks.checkArgument(nodeStart[0] == 0 && leafStart[0] == 0 && nodeStart[trees] == nodes
                && leafValues.length == (long) leafStart[trees] * width, "trees: offsets do not match the arrays");
        for (int t = 0; t < trees; t++) {
            int nodeCount = nodeStart[t + 1] - nodeStart[t];
            int leafCount = leafStart[t + 1] - leafStart[t];
            Checks.checkArgument(nodeCount >= 0 && leafCount == nodeCount + 1, "trees: tree %s has %s nodes and %s leaves",
                    t, nodeCount, leafCount);
            for (int node = 0; node < nodeCount; node++) {
                int i = nodeStart[t] + node;
                checkChild(t, node, left[i], nodeCount, leafCount);
                checkChild(t, node, right[i], nodeCount, leafCount);
                Checks.checkArgument((flags[i] & CATEGORICAL) == 0 || categoryStart[i] >= 0
                        && categoryStart[i] + CATEGORY_WORDS <= categoryWords.length, "trees: node %s of tree %s has no category set", node, t);
            }
        }
        this.width = width;
        this.nodeStart = nodeStart;
        this.leafStart = leafStart;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.flags = flags;
        this.categoryStart = categoryStart;
        this.categoryWords = categoryWords;
        this.gain = gain;
        this.leafValues = leafValues;
        Checks.checkArgument((nodeCover == null) == (leafCover == null) && (nodeCover == null
                || nodeCover.length == nodes && leafCover.length == leafStart[trees]), "trees: cover arrays do not match the trees");
        this.nodeCover = nodeCover;
        this.leafCover = leafCover;
        this.featureAndFlags = new int[nodes];
        this.children = new int[2 * nodes];
        for (int i = 0; i < nodes; i++) {
            Checks.checkArgument(feature[i] >= 0 && feature[i] < 1 << 24, "trees: node %s has invalid feature %s", i, feature[i]);
            featureAndFlags[i] = feature[i] | flags[i] << 24;
            children[2 * i] = left[i];
            children[2 * i + 1] = right[i];
        }
        this.shapTrees = nodeCover == null ? null : new EnsembleShapTree[trees];
        for (int t = 0; nodeCover != null && t < trees; t++) {
            shapTrees[t] = new EnsembleShapTree(t);
        }
        boolean categorical = false;
        for (int f : flags) {
            categorical |= (f & CATEGORICAL) != 0;
        }
        this.walks = width == 1 && !categorical ? BranchFreeTrees.of(nodeStart, leafStart, feature, threshold, flags, children, leafValues) : null;
    }

    /** Whether {@link #accumulate(double, double[], int, int, int, int)} walks without branches (no categorical splits, one value per leaf). */
    public boolean isBranchFree() {
        return walks != null;
    }

    private static void checkChild(int tree, int node, int child, int nodeCount, int leafCount) {
        boolean ok = child >= 0 ? child > node && child < nodeCount : ~child < leafCount;
        Checks.checkArgument(ok, "trees: node %s of tree %s has invalid child %s", node, tree, child);
    }

    /** The global index of the leaf that row {@code x} reaches in tree {@code tree}. Allocates nothing. */
    public int leaf(int tree, double[] x) {
        int base = nodeStart[tree];
        if (nodeStart[tree + 1] == base) {
            return leafStart[tree];
        }
        int node = 0;
        while (true) {
            int i = base + node;
            int next = next(i, x[featureAndFlags[i] & FEATURE_MASK]);
            if (next < 0) {
                return leafStart[tree] + ~next;
            }
            node = next;
        }
    }

    /** The global index of the leaf that row {@code row} of {@code columns} reaches in tree {@code tree}. */
    public int leaf(int tree, double[][] columns, int row) {
        int base = nodeStart[tree];
        if (nodeStart[tree + 1] == base) {
            return leafStart[tree];
        }
        int node = 0;
        while (true) {
            int i = base + node;
            int next = next(i, columns[featureAndFlags[i] & FEATURE_MASK][row]);
            if (next < 0) {
                return leafStart[tree] + ~next;
            }
            node = next;
        }
    }

    /**
     * Returns {@code start} plus value 0 of the leaf that {@code x} reaches in trees
     * {@code first, first + step, ...} below {@code end}, added one tree at a time in that order.
     * Walks four trees at once, so their independent memory loads overlap. Allocates nothing.
     */
    public double accumulate(double start, double[] x, int first, int step, int end) {
        if (walks != null) {
            return walks.accumulate(start, x, 0, first, step, end);
        }
        double sum = start;
        int t = first;
        for (; t + 3 * step < end; t += 4 * step) {
            int a = root(t);
            int b = root(t + step);
            int c = root(t + 2 * step);
            int d = root(t + 3 * step);
            int baseA = nodeStart[t];
            int baseB = nodeStart[t + step];
            int baseC = nodeStart[t + 2 * step];
            int baseD = nodeStart[t + 3 * step];
            while ((a & b & c & d) >= 0) {
                a = a >= 0 ? next(baseA + a, x[featureAndFlags[baseA + a] & FEATURE_MASK]) : a;
                b = b >= 0 ? next(baseB + b, x[featureAndFlags[baseB + b] & FEATURE_MASK]) : b;
                c = c >= 0 ? next(baseC + c, x[featureAndFlags[baseC + c] & FEATURE_MASK]) : c;
                d = d >= 0 ? next(baseD + d, x[featureAndFlags[baseD + d] & FEATURE_MASK]) : d;
            }
            sum += leafValues[(leafStart[t] + ~a) * width];
            sum += leafValues[(leafStart[t + step] + ~b) * width];
            sum += leafValues[(leafStart[t + 2 * step] + ~c) * width];
            sum += leafValues[(leafStart[t + 3 * step] + ~d) * width];
        }
        for (; t < end; t += step) {
            sum += leafValues[leaf(t, x) * width];
        }
        return sum;
    }

    /**
     * As {@link #accumulate(double, double[], int, int, int)} for the row that starts at {@code x[offset]};
     * only for a {@link #isBranchFree} ensemble. Allocates nothing.
     */
    public double accumulate(double start, double[] x, int offset, int first, int step, int end) {
        Checks.checkArgument(walks != null, "trees: offset walks need an ensemble without categorical splits");
        return walks.accumulate(start, x, offset, first, step, end);
    }

    /**
     * Adds to {@code scores[at + i]} the leaf values that row {@code i < rows} of the row-major {@code block}
     * ({@code width} values a row) reaches in trees {@code first, first + step, ...} below {@code end}, tree by tree:
     * each row's sum is the one {@link #accumulate(double, double[], int, int, int, int)} makes, bit for bit. Only for
     * a {@link #isBranchFree} ensemble. Allocates nothing.
     */
    public void addBlock(double[] block, int width, int rows, double[] scores, int at, int first, int step, int end) {
        Checks.checkArgument(walks != null, "trees: block walks need an ensemble without categorical splits");
        walks.addBlock(block, width, rows, scores, at, first, step, end);
    }

    /**
     * Whether blocks of rows can be walked on codes ({@link #encodeRows}, {@link #addEncoded}): a {@link #isBranchFree}
     * ensemble whose features each have at most 254 distinct thresholds, as trees grown on binned features do.
     */
    public boolean isCoded() {
        return codedWalks() != null;
    }

    /** The coded layout, or null when the trees cannot be coded. */
    private QuantizedTrees codedWalks() {
        Object layout = coded;
        if (layout == null) {
            // two threads may both build it: the layouts are equal and immutable, so either may stay
            QuantizedTrees built = walks == null ? null
                    : QuantizedTrees.of(nodeStart, leafStart, feature, threshold, flags, children, leafValues);
            layout = built == null ? NOT_CODED : built;
            coded = layout;
        }
        return layout == NOT_CODED ? null : (QuantizedTrees) layout;
    }

    /** A scratch array for the codes of {@code rows} rows, for {@link #encodeRows}; only for an {@link #isCoded} ensemble. */
    public byte[] newCodeBlock(int rows) {
        QuantizedTrees layout = codedWalks();
        Checks.checkArgument(layout != null, "trees: coded walks need an ensemble with few thresholds a feature");
        return new byte[rows * layout.codeWidth()];
    }

    /**
     * Codes rows {@code [from, to)} of {@code columns} (column {@code f} is feature {@code f}) into {@code codes}
     * (from {@link #newCodeBlock}), for {@link #addEncoded}: each value becomes the number of its feature's distinct
     * thresholds below it, NaN a code of its own. Only for an {@link #isCoded} ensemble. Allocates nothing.
     */
    public void encodeRows(dev.kiln.data.NumericColumn[] columns, int from, int to, byte[] codes) {
        QuantizedTrees layout = codedWalks();
        Checks.checkArgument(layout != null, "trees: coded walks need an ensemble with few thresholds a feature");
        layout.encode(columns, from, to, codes);
    }

    /**
     * Adds to {@code scores[at + i]} the leaf values that row {@code i < rows} of the {@link #encodeRows encoded} rows
     * reaches in trees {@code first, first + step, ...} below {@code end}, tree by tree: each row's sum is the one
     * {@link #accumulate(double, double[], int, int, int)} makes, bit for bit. Only for an {@link #isCoded} ensemble.
     * Allocates nothing.
     */
    public void addEncoded(byte[] codes, int rows, double[] scores, int at, int first, int step, int end) {
        QuantizedTrees layout = codedWalks();
        Checks.checkArgument(layout != null, "trees: coded walks need an ensemble with few thresholds a feature");
        layout.addBlock(codes, rows, scores, at, first, step, end);
    }

    /**
     * Adds value 0 of the leaf that each row {@code i} in {@code [from, to)} of {@code columns}
     * reaches in tree {@code tree} to {@code out[offset + i]}. Walks four rows at once.
     */
    public void addLeafValues(int tree, double[][] columns, int from, int to, double[] out, int offset) {
        int base = nodeStart[tree];
        int leaves = leafStart[tree];
        int i = from;
        if (nodeStart[tree + 1] > base) {
            for (; i + 3 < to; i += 4) {
                int a = 0;
                int b = 0;
                int c = 0;
                int d = 0;
                while ((a & b & c & d) >= 0) {
                    a = a >= 0 ? next(base + a, columns[featureAndFlags[base + a] & FEATURE_MASK][i]) : a;
                    b = b >= 0 ? next(base + b, columns[featureAndFlags[base + b] & FEATURE_MASK][i + 1]) : b;
                    c = c >= 0 ? next(base + c, columns[featureAndFlags[base + c] & FEATURE_MASK][i + 2]) : c;
                    d = d >= 0 ? next(base + d, columns[featureAndFlags[base + d] & FEATURE_MASK][i + 3]) : d;
                }
                out[offset + i] += leafValues[(leaves + ~a) * width];
                out[offset + i + 1] += leafValues[(leaves + ~b) * width];
                out[offset + i + 2] += leafValues[(leaves + ~c) * width];
                out[offset + i + 3] += leafValues[(leaves + ~d) * width];
            }
        }
        for (; i < to; i++) {
            out[offset + i] += leafValues[leaf(tree, columns, i) * width];
        }
    }

    /** The starting reference of a walk in tree {@code t}: node 0, or {@code ~0} for a single-leaf tree. */
    private int root(int t) {
        return nodeStart[t + 1] > nodeStart[t] ? 0 : ~0;
    }

    /** The child reference that value {@code v} leads to from global node {@code i}. */
    private int next(int i, double v) {
        return children[2 * i + (goesLeft(i, v) ? 0 : 1)];
    }

    private boolean goesLeft(int i, double v) {
        int f = featureAndFlags[i] >>> 24;
        if ((f & CATEGORICAL) == 0) {
            return v <= threshold[i] || v != v && (f & DEFAULT_LEFT) != 0;
        }
        int bin = FeatureBins.categoryBin(v, FeatureBins.MAX_BIN_COUNT - 1);
        return (categoryWords[categoryStart[i] + (bin >>> 5)] >>> (bin & 31) & 1) != 0;
    }

    /** Value {@code k} of global leaf {@code leaf}. */
    public double value(int leaf, int k) {
        return leafValues[leaf * width + k];
    }

    /** Adds the {@link #width()} values of global leaf {@code leaf} to {@code out}. */
    public void addValues(int leaf, double[] out) {
        int base = leaf * width;
        for (int k = 0; k < width; k++) {
            out[k] += leafValues[base + k];
        }
    }

    public int trees() {
        return nodeStart.length - 1;
    }

    public int width() {
        return width;
    }

    /** The total number of internal nodes. */
    public int nodeCount() {
        return feature.length;
    }

    /** The total number of leaves. */
    public int leafCount() {
        return leafStart[leafStart.length - 1];
    }

    /** The largest feature index used by a split, or -1. */
    public int maxFeature() {
        int max = -1;
        for (int f : feature) {
            max = Math.max(max, f);
        }
        return max;
    }

    /** Adds every split's gain to {@code gains[feature]} and 1 to {@code splits[feature]}. */
    public void importances(double[] gains, double[] splits) {
        for (int i = 0; i < feature.length; i++) {
            gains[feature[i]] += gain[i];
            splits[feature[i]] += 1;
        }
    }

    /** The ensemble as JSON, its arrays put in {@code arrays}. */
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("width", width);
        json.put("node_start", arrays.putInts(nodeStart));
        json.put("leaf_start", arrays.putInts(leafStart));
        json.put("feature", arrays.putInts(feature));
        json.put("threshold", arrays.putDoubles(threshold));
        json.put("left", arrays.putInts(left));
        json.put("right", arrays.putInts(right));
        json.put("flags", arrays.putInts(flags));
        json.put("category_start", arrays.putInts(categoryStart));
        json.put("category_words", arrays.putInts(categoryWords));
        json.put("gain", arrays.putDoubles(gain));
        json.put("leaf_values", arrays.putDoubles(leafValues));
        if (nodeCover != null) {
            json.put("node_cover", arrays.putDoubles(nodeCover));
            json.put("leaf_cover", arrays.putDoubles(leafCover));
        }
        return json;
    }

    /** Rebuilds an ensemble written by {@link #toJson}, checking its structure. */
    public static TreeEnsemble fromJson(ObjectNode json, BinaryArrays arrays) {
        JsonNode width = json.get("width");
        Checks.checkArgument(width != null && width.isIntegralNumber() && width.canConvertToInt(), "trees: width: expected an integer");
        boolean covered = json.has("node_cover");
        return new TreeEnsemble(width.intValue(), ints(json, arrays, "node_start"), ints(json, arrays, "leaf_start"),
                ints(json, arrays, "feature"), doubles(json, arrays, "threshold"), ints(json, arrays, "left"),
                ints(json, arrays, "right"), ints(json, arrays, "flags"), ints(json, arrays, "category_start"),
                ints(json, arrays, "category_words"), doubles(json, arrays, "gain"), doubles(json, arrays, "leaf_values"),
                covered ? doubles(json, arrays, "node_cover") : null, covered ? doubles(json, arrays, "leaf_cover") : null);
    }

    /** The first {@code trees} trees of this ensemble. */
    public TreeEnsemble head(int trees) {
        Checks.checkArgument(trees >= 0 && trees <= trees(), "trees: expected 0..%s, got %s", trees(), trees);
        int nodes = nodeStart[trees];
        int leaves = leafStart[trees];
        int words = 0;
        for (int i = 0; i < nodes; i++) {
            if (categoryStart[i] >= 0) {
                words = Math.max(words, categoryStart[i] + CATEGORY_WORDS);
            }
        }
        return new TreeEnsemble(width, Arrays.copyOf(nodeStart, trees + 1), Arrays.copyOf(leafStart, trees + 1),
                Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(left, nodes),
                Arrays.copyOf(right, nodes), Arrays.copyOf(flags, nodes), Arrays.copyOf(categoryStart, nodes),
                Arrays.copyOf(categoryWords, words), Arrays.copyOf(gain, nodes), Arrays.copyOf(leafValues, leaves * width),
                nodeCover == null ? null : Arrays.copyOf(nodeCover, nodes), leafCover == null ? null : Arrays.copyOf(leafCover, leaves));
    }

    /**
     * This ensemble with the cover of every node: how many rows of {@code columns} (feature-major, the training
     * features) reach it. Counted tree by tree, in parallel on {@code pool} when given; exact and deterministic.
     */
    public TreeEnsemble withCover(double[][] columns, java.util.concurrent.ForkJoinPool pool) {
        int rows = columns.length == 0 ? 0 : columns[0].length;
        double[] nodes = new double[nodeCount()];
        double[] leaves = new double[leafCount()];
        countCover(columns, rows, nodes, leaves, pool);
        return withCounts(nodes, leaves);
    }

    /**
     * As {@link #withCover(double[][], java.util.concurrent.ForkJoinPool)} for training features handed out by
     * {@link FeatureColumns}: the rows are walked {@value #COVER_BLOCK} at a time from short-lived copies, so no
     * copy of the whole data set is made.
     */
    public TreeEnsemble withCover(FeatureColumns columns, java.util.concurrent.ForkJoinPool pool) {
        int rows = columns.rows();
        double[] nodes = new double[nodeCount()];
        double[] leaves = new double[leafCount()];
        double[][] block = new double[columns.count()][];
        for (int start = 0; start < rows; start += COVER_BLOCK) {
            int end = Math.min(rows, start + COVER_BLOCK);
            for (int j = 0; j < block.length; j++) {
                block[j] = columns.range(j, start, end);
            }
            countCover(block, end - start, nodes, leaves, pool);
        }
        return withCounts(nodes, leaves);
    }

    /** Adds to {@code nodes} and {@code leaves} how many of the first {@code rows} rows of {@code columns} reach each. */
    private void countCover(double[][] columns, int rows, double[] nodes, double[] leaves, java.util.concurrent.ForkJoinPool pool) {
        ParallelLoop.run(pool, trees(), pool == null ? 1 : pool.getParallelism(), (part, from, to) -> {
            for (int t = from; t < to; t++) {
                int base = nodeStart[t];
                boolean single = nodeStart[t + 1] == base;
                for (int row = 0; row < rows; row++) {
                    if (single) {
                        leaves[leafStart[t]]++;
                        continue;
                    }
                    int node = 0;
                    while (node >= 0) {
                        nodes[base + node]++;
                        node = next(base + node, columns[featureAndFlags[base + node] & FEATURE_MASK][row]);
                    }
                    leaves[leafStart[t] + ~node]++;
                }
            }
        });
    }

    /**
     * This ensemble with covers already counted by the learner ({@code nodes[i]} rows reached global internal node
     * {@code i}, {@code leaves[l]} global leaf {@code l}), as {@link #withCover(double[][], java.util.concurrent.ForkJoinPool)}
     * would count them on the training rows; saves walking every row through every tree once more. Copies the arrays.
     */
    public TreeEnsemble withCover(double[] nodes, double[] leaves) {
        Checks.checkArgument(nodes.length == nodeCount() && leaves.length == leafCount(),
                "trees: expected %s node and %s leaf covers, got %s and %s", nodeCount(), leafCount(), nodes.length, leaves.length);
        return withCounts(nodes.clone(), leaves.clone());
    }

    private TreeEnsemble withCounts(double[] nodes, double[] leaves) {
        return new TreeEnsemble(width, nodeStart, leafStart, feature, threshold, left, right, flags, categoryStart,
                categoryWords, gain, leafValues, nodes, leaves);
    }

    /** Whether the ensemble carries node covers, which TreeSHAP needs (ensembles from older bundles do not). */
    public boolean hasCover() {
        return nodeCover != null;
    }

    /** Tree {@code t} as TreeSHAP walks it: internal node {@code i} is id {@code i}, leaf {@code l} is id {@code nodes + l}. */
    ShapTree shapTree(int t) {
        Checks.checkArgument(hasCover(), "trees: no node covers (the bundle predates TreeSHAP); retrain to explain it");
        return shapTrees[t];
    }

    /** One tree of this ensemble seen through {@link ShapTree}. */
    private final class EnsembleShapTree implements ShapTree {
        private final int base;
        private final int nodes;
        private final int leafBase;
        private final int depth;
        private final double[] expected;

        EnsembleShapTree(int t) {
            this.base = nodeStart[t];
            this.nodes = nodeStart[t + 1] - base;
            this.leafBase = leafStart[t];
            this.depth = computeDepth();
            this.expected = new double[width];
            for (int k = 0; k < width; k++) {
                expected[k] = TreeShap.expectedValue(this, k);
            }
        }

        @Override
        public double expectedValue(int k) {
            return expected[k];
        }

        private int id(int child) {
            return child >= 0 ? child : nodes + ~child;
        }

        @Override
        public int root() {
            return 0; // internal node 0, or leaf id 0 (= nodes + 0) when the tree is a single leaf
        }

        @Override
        public boolean isLeaf(int node) {
            return node >= nodes;
        }

        @Override
        public int feature(int node) {
            return feature[base + node];
        }

        @Override
        public int next(int node, double[] x) {
            return id(TreeEnsemble.this.next(base + node, x[feature[base + node]]));
        }

        @Override
        public int left(int node) {
            return id(left[base + node]);
        }

        @Override
        public int right(int node) {
            return id(right[base + node]);
        }

        @Override
        public double cover(int node) {
            return node >= nodes ? leafCover[leafBase + node - nodes] : nodeCover[base + node];
        }

        @Override
        public double value(int node, int k) {
            return leafValues[(leafBase + node - nodes) * width + k];
        }

        @Override
        public int depth() {
            return depth;
        }

        private int computeDepth() {
            if (nodes == 0) {
                return 0;
            }
            int[] depths = new int[nodes];
            int max = 0;
            for (int i = 0; i < nodes; i++) {
                max = Math.max(max, childDepth(left[base + i], depths, depths[i] + 1));
                max = Math.max(max, childDepth(right[base + i], depths, depths[i] + 1));
            }
            return max;
        }

        /** Records the depth of an internal child; returns the depth of a leaf child, or 0. */
        private static int childDepth(int child, int[] depths, int depth) {
            if (child >= 0) {
                depths[child] = depth;
                return 0;
            }
            return depth;
        }
    }

    private static int[] ints(ObjectNode json, BinaryArrays arrays, String field) {
        return arrays.ints(text(json, field)).clone();
    }

    private static double[] doubles(ObjectNode json, BinaryArrays arrays, String field) {
        return arrays.doubles(text(json, field)).clone();
    }

    private static String text(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.isTextual(), "trees: %s: expected a string", field);
        return node.textValue();
    }
}
