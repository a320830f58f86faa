package dev.kiln.learn.cluster;

import dev.kiln.learn.neighbors.KdTree;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.UnsupervisedData;
import java.util.Arrays;
import java.util.Map;

/**
 * DBSCAN (Ester, Kriegel, Sander and Xu, 1996) for the task {@code clustering}: a row with at least
 * {@code min_samples} rows within {@code eps} (itself included) is a core row; core rows within
 * {@code eps} of each other share a cluster, and a non-core row within {@code eps} of a core row joins
 * the first such cluster found; the rest is noise ({@value Predictions#NOISE}). Clusters are numbered in
 * the order of their first core row, as scikit-learn does. Neighbours come from a {@link KdTree}; the
 * neighbour counts are computed on {@link TrainOptions#threads()} threads, each row's count on its own,
 * and the expansion runs in row order, so the model does not depend on the thread count. Cost about
 * {@code O(n log n)} in low dimensions plus the neighbours found. Immutable.
 */
public final class DbscanLearner implements Learner<DbscanModel> {
    /** Rows per leaf of the neighbour tree (the same tree, and so the same neighbours, when a model is loaded). */
    static final int LEAF_SIZE = 16;
    private final DbscanParams params;

    public DbscanLearner(DbscanParams params) {
        this.params = params;
    }

    public DbscanLearner() {
        this(DbscanParams.defaults());
    }

    @Override
    public String name() {
        return DbscanModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public DbscanModel fit(Frame train, TrainOptions options) {
        Checks.checkArgument(options.task() == Task.CLUSTERING, "dbscan needs the clustering task, got %s", options.task().label());
        UnsupervisedData data = UnsupervisedData.of(train, options);
        int n = data.rowCount();
        int d = data.columnCount();
        double[] x = data.rows();
        double radius2 = params.eps() * params.eps();
        KdTree tree = new KdTree(x, n, d, DbscanLearner.LEAF_SIZE);
        boolean[] core = new boolean[n];
        try (Blocks blocks = new Blocks(n, options.threads())) {
            blocks.run((block, from, to) -> {
                for (int i = from; i < to; i++) {
                    core[i] = tree.count(x, i * d, radius2) >= params.minSamples();
                }
            });
        }
        int[] labels = expand(x, n, d, radius2, tree, core);
        int cores = 0;
        for (boolean c : core) {
            cores += c ? 1 : 0;
        }
        double[] corePoints = new double[cores * d];
        int[] coreLabels = new int[cores];
        int at = 0;
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (core[i]) {
                System.arraycopy(x, i * d, corePoints, at * d, d);
                coreLabels[at++] = labels[i];
                clusters = Math.max(clusters, labels[i] + 1);
            }
        }
        int noise = 0;
        for (int label : labels) {
            noise += label == Predictions.NOISE ? 1 : 0;
        }
        return new DbscanModel(data.featureNames(), params, corePoints, coreLabels, clusters, noise);
    }

    /** Grows the clusters from the core rows in row order; returns every row's cluster, -1 for noise. */
    private static int[] expand(double[] x, int n, int d, double radius2, KdTree tree, boolean[] core) {
        int[] labels = new int[n];
        Arrays.fill(labels, Predictions.NOISE);
        int[] stack = new int[Math.max(16, n)];
        KdTree.Buffer neighbours = new KdTree.Buffer();
        int cluster = 0;
        for (int i = 0; i < n; i++) {
            if (!core[i] || labels[i] != Predictions.NOISE) {
                continue;
            }
            labels[i] = cluster;
            int top = 0;
            stack[top++] = i;
            while (top > 0) {
                int p = stack[--top];
                neighbours.clear();
                tree.within(x, p * d, radius2, neighbours);
                for (int s = 0; s < neighbours.size(); s++) {
                    int q = neighbours.row(s);
                    if (labels[q] == Predictions.NOISE) {
                        labels[q] = cluster;
                        if (core[q]) {
                            stack[top++] = q;
                        }
                    }
                }
            }
            cluster++;
        }
        return labels;
    }
}
