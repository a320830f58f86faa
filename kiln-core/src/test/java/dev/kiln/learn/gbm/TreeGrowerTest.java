package dev.kiln.learn.gbm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.learn.InMemoryArrays;
import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.Binner;
import dev.kiln.learn.tree.FeatureBins;
import dev.kiln.learn.tree.TreeEnsemble;
import dev.kiln.learn.tree.TreeEnsembleBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class TreeGrowerTest {

    /** A grown tree, its leaves' row segments (each sorted) and whether each segment was left in ascending order. */
    private record Grown(TreeEnsemble tree, int[][] leafRows, boolean[] ascending) {
    }

    /**
     * Three features uniform on [0, 1) and a target with gradient {@code -y}: {@code x0 < 0.5} gains most; below it
     * {@code x1 < 0.5} gains much and then {@code x2 < 0.5}; above it {@code x1 < 0.3} gains little.
     */
    private static BinnedData data(int n, double[] gradients) {
        Random random = new Random(3);
        double[][] x = new double[3][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[j][i] = random.nextDouble();
            }
            double y = x[0][i] < 0.5 ? 10 + (x[1][i] < 0.5 ? 6 + (x[2][i] < 0.5 ? 4 : 0) : 0) : (x[1][i] < 0.3 ? 1 : 0);
            gradients[i] = -y + 0.01 * random.nextGaussian();
        }
        int[] rows = HistogramBuilderTest.identity(n);
        FeatureBins[] bins = Binner.fit(x, rows, 64, new boolean[3], List.of("x0", "x1", "x2"));
        return BinnedData.of(x, rows, bins, null);
    }

    /** Grows one tree with {@code threads} threads (inside the pool, as the booster does). */
    private static Grown grow(BinnedData data, double[] gradients, GbmParams params, int threads) {
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            TreeGrower grower = new TreeGrower(data, params, true, pool, threads);
            int[] bag = HistogramBuilderTest.identity(data.rows());
            boolean[] allowed = {true, true, true};
            GrownTree tree = pool == null ? grower.grow(gradients, bag, allowed)
                    : pool.submit(() -> grower.grow(gradients, bag, allowed)).join();
            TreeEnsembleBuilder builder = new TreeEnsembleBuilder(1);
            tree.addTo(builder, data);
            int[][] leafRows = new int[tree.leafCount()][];
            boolean[] ascending = new boolean[tree.leafCount()];
            for (int l = 0; l < leafRows.length; l++) {
                leafRows[l] = Arrays.copyOfRange(grower.rows(), grower.leafStart(l), grower.leafEnd(l));
                int[] sorted = leafRows[l].clone();
                Arrays.sort(sorted);
                ascending[l] = Arrays.equals(sorted, leafRows[l]);
                leafRows[l] = sorted;
            }
            return new Grown(builder.build(), leafRows, ascending);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private static void assertSameTree(Grown actual, Grown expected, String what) {
        InMemoryArrays a = new InMemoryArrays();
        InMemoryArrays b = new InMemoryArrays();
        assertThat(actual.tree().toJson(a)).as(what).isEqualTo(expected.tree().toJson(b));
        for (int i = 0; i < a.size(); i++) {
            try {
                assertThat(a.doubles("d" + i)).as("%s, array %s", what, i).isEqualTo(b.doubles("d" + i));
            } catch (IllegalArgumentException notDoubles) {
                assertThat(a.ints("i" + i)).as("%s, array %s", what, i).isEqualTo(b.ints("i" + i));
            }
        }
        assertThat(actual.leafRows()).as(what).isDeepEqualTo(expected.leafRows());
    }

    @Test
    void aLeafSplitAheadButNeverReachedStaysTheLeafTheSequentialOrderLeaves() {
        int n = 4_000;
        double[] gradients = new double[n];
        BinnedData data = data(n, gradients);
        // 4 leaves: the root (x0), then its left child (x1) split together with its right child ahead of its turn;
        // the left child's left child (x2) then outranks the right child and takes the last split
        GbmParams params = GbmParams.defaults().withTreeShape(0, 4);
        Grown sequential = grow(data, gradients, params, 1);
        Grown parallel = grow(data, gradients, params, 2);
        assertSameTree(parallel, sequential, "4 leaves");
        assertThat(sequential.ascending()).containsOnly(true);
        // leaf 1 (x0 >= 0.5) was partitioned by its own split, which the tree never used
        assertThat(parallel.ascending()).containsExactly(true, false, true, true);
    }

    @Test
    void everyLeafBudgetAndDepthGivesTheSequentialTree() {
        int n = 6_000;
        double[] gradients = new double[n];
        BinnedData data = data(n, gradients);
        Random random = new Random(5);
        for (int i = 0; i < n; i++) {
            gradients[i] += random.nextGaussian();
        }
        for (int depth : new int[] {0, 3}) {
            for (int leaves = 2; leaves <= 16; leaves++) {
                GbmParams params = GbmParams.defaults().withTreeShape(depth, leaves).withMinSamplesLeaf(5);
                assertSameTree(grow(data, gradients, params, 2), grow(data, gradients, params, 1),
                        "depth " + depth + ", " + leaves + " leaves");
            }
        }
    }
}
