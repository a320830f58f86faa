package dev.kiln.learn.forest;

import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.Binner;
import dev.kiln.learn.tree.FeatureBins;
import dev.kiln.learn.ParallelLoop;
import dev.kiln.learn.tree.TreeEnsemble;
import dev.kiln.learn.tree.TreeEnsembleBuilder;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Random forests (Breiman, 2001) and extra trees (Geurts, Ernst and Wehenkel, 2006) grown on binned
 * features (the binning of {@link dev.kiln.learn.tree.Binner}), for classification and regression.
 * Trees grow in parallel on a {@link ForkJoinPool} of {@link TrainOptions#threads()} workers; tree
 * {@code t} draws from its own generator, seeded from the options' seed in tree order, so the model
 * is bit-identical whatever the thread count. Missing (NaN) feature values are accepted and go right.
 * Immutable; {@link #fit} does not modify the frame.
 */
public final class ForestLearner implements Learner<ForestModel> {
    private final ForestParams params;

    public ForestLearner(ForestParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return params.kind();
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public ForestModel fit(Frame train, TrainOptions options) {
        TrainingData data = TrainingData.allowingMissing(train, options);
        FeatureMatrix matrix = data.features();
        double[][] columns = new double[matrix.columnCount()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = matrix.column(j);
        }
        boolean classification = options.task().isClassification();
        int[] labels = classification ? data.labels() : null;
        double[] targets = classification ? null : data.targets();
        int n = data.rows();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        ForkJoinPool pool = options.threads() > 1 ? new ForkJoinPool(options.threads()) : null;
        try {
            FeatureBins[] bins = Binner.fit(columns, all, params.maxBins(), new boolean[columns.length], data.featureNames(), pool);
            BinnedData binned = BinnedData.of(columns, all, bins, pool);
            SplittableRandom seeds = new SplittableRandom(options.seed());
            long[] treeSeeds = new long[params.trees()];
            for (int t = 0; t < treeSeeds.length; t++) {
                treeSeeds[t] = seeds.nextLong();
            }
            ForestTree[] trees = new ForestTree[params.trees()];
            ParallelLoop.run(pool, trees.length, options.threads(), (part, from, to) -> {
                var grower = new ForestTreeGrower(binned, params, labels, targets, data.classes().size());
                for (int t = from; t < to; t++) {
                    trees[t] = grower.grow(new SplittableRandom(treeSeeds[t]));
                }
            });
            TreeEnsembleBuilder builder = new TreeEnsembleBuilder(Math.max(1, data.classes().size()));
            for (ForestTree tree : trees) {
                tree.addTo(builder, binned);
            }
            TreeEnsemble ensemble = builder.build().withCover(columns, pool);
            double oob = params.bootstrap() ? OutOfBag.score(trees, n, Math.max(1, data.classes().size()), labels, targets)
                    : Double.NaN;
            return new ForestModel(options.task(), data.featureNames(), data.classes(), params, ensemble, oob);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }
}
