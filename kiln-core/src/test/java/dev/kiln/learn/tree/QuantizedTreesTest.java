package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.NumericColumn;
import dev.kiln.learn.InMemoryArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The coded walk reaches the leaves that the node-by-node walk reaches, for random trees and adversarial values: NaN
 * both default ways, signed zeros, infinities, values equal to a threshold and one ulp either side of it; and the
 * threshold counts it walks on are exact whether cells or the search find them.
 */
class QuantizedTreesTest {
    private static final int FEATURES = 5;

    @Test
    void codedWalksSumTheLeavesOfTheNodeByNodeWalk() {
        for (int seed = 0; seed < 30; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] pool = thresholdPool(random, 1 + random.nextInt(40));
            TreeEnsemble trees = randomTrees(random, pool, 1 + random.nextInt(12));
            assertThat(trees.isCoded()).isTrue();
            double[][] columns = adversarialRows(random, pool, 8 * 25 + 3);
            assertSameSums(trees, columns);
        }
    }

    @Test
    void ensemblesReadFromJsonWalkOnCodesToo() {
        SplittableRandom random = new SplittableRandom(11);
        double[] pool = thresholdPool(random, 30);
        InMemoryArrays arrays = new InMemoryArrays();
        TreeEnsemble read = TreeEnsemble.fromJson(randomTrees(random, pool, 8).toJson(arrays), arrays);
        assertThat(read.isCoded()).isTrue();
        assertSameSums(read, adversarialRows(random, pool, 101));
    }

    @Test
    void aNanThresholdFallsBackToTheDoubleWalk() {
        TreeEnsembleBuilder builder = new TreeEnsembleBuilder(1);
        builder.startTree();
        int node = builder.addNumericSplit(0, Double.NaN, true, 1);
        builder.setChildren(node, ~builder.addLeaf(new double[] {1}), ~builder.addLeaf(new double[] {2}));
        TreeEnsemble trees = builder.build();
        assertThat(trees.isBranchFree()).isTrue();
        assertThat(trees.isCoded()).isFalse();
    }

    @Test
    void tooManyThresholdsFallBackToTheDoubleWalk() {
        SplittableRandom random = new SplittableRandom(1);
        double[] pool = new double[QuantizedTrees.MAX_THRESHOLDS + 1];
        for (int k = 0; k < pool.length; k++) {
            pool[k] = k * 0.5;
        }
        // a chain of splits on feature 0, one for every threshold, each with a leaf on its left
        TreeEnsembleBuilder chain = new TreeEnsembleBuilder(1);
        chain.startTree();
        int[] nodes = new int[pool.length];
        for (int k = 0; k < pool.length; k++) {
            nodes[k] = chain.addNumericSplit(0, pool[k], k % 2 == 0, 1);
        }
        for (int k = 0; k < pool.length; k++) {
            int leaf = ~chain.addLeaf(new double[] {random.nextGaussian()});
            int right = k + 1 < pool.length ? nodes[k + 1] : ~chain.addLeaf(new double[] {random.nextGaussian()});
            chain.setChildren(nodes[k], leaf, right);
        }
        TreeEnsemble trees = chain.build();
        assertThat(trees.isBranchFree()).isTrue();
        assertThat(trees.isCoded()).isFalse();
    }

    @Test
    void thresholdCountsAndCodesAreExact() {
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> cases = new ArrayList<>();
        cases.add(new double[0]);
        cases.add(new double[] {0.0});
        cases.add(new double[] {Double.NEGATIVE_INFINITY, 0.0, Double.POSITIVE_INFINITY});
        cases.add(new double[] {-Double.MAX_VALUE, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, Double.MAX_VALUE});
        double[] crowded = new double[60];
        for (int k = 0; k < 59; k++) {
            crowded[k] = 1 + k * Math.ulp(1.0);
        }
        crowded[59] = 1e300; // many thresholds in one cell: the search takes over
        cases.add(crowded);
        for (int c = 0; c < 20; c++) {
            cases.add(thresholdPool(random, 1 + random.nextInt(QuantizedTrees.MAX_THRESHOLDS)));
        }
        for (double[] sorted : cases) {
            ThresholdCoder coder = new ThresholdCoder(sorted);
            double[] probes = probes(random, sorted);
            byte[] codes = new byte[3 * probes.length];
            coder.encode(NumericColumn.of("x", probes), 0, probes.length, codes, 1, 3, 255, 128);
            for (int i = 0; i < probes.length; i++) {
                double v = probes[i];
                int expected = 0;
                for (double t : sorted) {
                    expected += t < v ? 1 : 0;
                }
                assertThat(coder.count(v)).as("%s among %s", v, Arrays.toString(sorted)).isEqualTo(expected);
                assertThat(codes[3 * i + 1] + 128).as("%s among %s", v, Arrays.toString(sorted)).isEqualTo(v != v ? 255 : expected);
                assertThat(codes[3 * i + 2] + 128).isEqualTo(expected);
            }
        }
    }

    /** Sorted distinct thresholds: a mix of round numbers, signed zero, extremes and random values. */
    private static double[] thresholdPool(SplittableRandom random, int size) {
        double[] special = {0.0, 1.0, -1.0, 0.5, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, 3.0};
        double[] values = new double[size];
        for (int k = 0; k < size; k++) {
            values[k] = random.nextInt(4) == 0 ? special[random.nextInt(special.length)]
                    : random.nextInt(2) == 0 ? Math.floor(random.nextGaussian() * 8) / 4 : random.nextGaussian() * Math.exp(random.nextGaussian() * 3);
        }
        Arrays.sort(values);
        return Arrays.stream(values).distinct().toArray();
    }

    /** Every threshold, its neighbours one ulp away, NaN, both zeros, both infinities and random values. */
    private static double[] probes(SplittableRandom random, double[] sorted) {
        List<Double> out = new ArrayList<>(List.of(Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE));
        for (double t : sorted) {
            out.add(t);
            out.add(Math.nextUp(t));
            out.add(Math.nextDown(t));
            out.add(-t);
        }
        for (int k = 0; k < 50; k++) {
            out.add(random.nextGaussian() * Math.exp(random.nextGaussian() * 3));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static TreeEnsemble randomTrees(SplittableRandom random, double[] pool, int count) {
        TreeEnsembleBuilder builder = new TreeEnsembleBuilder(1);
        for (int t = 0; t < count; t++) {
            builder.startTree();
            if (random.nextInt(6) == 0) {
                builder.addLeaf(new double[] {random.nextGaussian()});
                continue;
            }
            grow(builder, random, pool, 1 + random.nextInt(8));
        }
        return builder.build();
    }

    /** Adds a random subtree of at most {@code depth} levels; returns its reference (local node or {@code ~leaf}). */
    private static int grow(TreeEnsembleBuilder builder, SplittableRandom random, double[] pool, int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return ~builder.addLeaf(new double[] {random.nextGaussian() * Math.exp(random.nextGaussian() * 4)});
        }
        double threshold = pool[random.nextInt(pool.length)];
        if (threshold == 0 && random.nextBoolean()) {
            threshold = -0.0;
        }
        int node = builder.addNumericSplit(random.nextInt(FEATURES), threshold, random.nextBoolean(), 1);
        int left = grow(builder, random, pool, depth - 1);
        int right = grow(builder, random, pool, depth - 1);
        builder.setChildren(node, left, right);
        return node;
    }

    /** Feature-major rows whose values are drawn from the thresholds, their ulp neighbours and special values. */
    private static double[][] adversarialRows(SplittableRandom random, double[] pool, int rows) {
        double[] probes = probes(random, pool);
        double[][] columns = new double[FEATURES][rows];
        for (double[] column : columns) {
            for (int i = 0; i < rows; i++) {
                column[i] = probes[random.nextInt(probes.length)];
            }
        }
        return columns;
    }

    private static void assertSameSums(TreeEnsemble trees, double[][] columns) {
        int rows = columns[0].length;
        double start = 0.25;
        int from = 3; // a range that does not start at row 0
        byte[] codes = trees.newCodeBlock(rows - from);
        NumericColumn[] numeric = new NumericColumn[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            numeric[j] = NumericColumn.of("x" + j, columns[j]);
        }
        trees.encodeRows(numeric, from, rows, codes);
        double[] scores = new double[rows - from + 2];
        Arrays.fill(scores, start);
        trees.addEncoded(codes, rows - from, scores, 2, 0, 1, trees.trees());
        double[] row = new double[FEATURES];
        for (int i = from; i < rows; i++) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = columns[j][i];
            }
            double expected = start;
            for (int t = 0; t < trees.trees(); t++) {
                expected += trees.value(trees.leaf(t, row), 0);
            }
            assertThat(Double.compare(scores[i - from + 2], expected)).as("row %s: %s", i, Arrays.toString(row)).isZero();
            assertThat(Double.compare(trees.accumulate(start, row, 0, 1, trees.trees()), expected)).isZero();
        }
    }
}
