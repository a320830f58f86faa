package dev.kiln.workflow;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.gbm.GbmLearner;
import dev.kiln.learn.gbm.GbmModel;
import dev.kiln.learn.gbm.GbmParams;
import dev.kiln.prep.FeatureImportance;
import java.util.ArrayList;
import java.util.List;

/**
 * Feature importance for {@code prepare: select: importance}: the total split gain of each feature
 * in a small gradient-boosted model ({@value #TREES} trees of at most {@value #LEAVES} leaves,
 * learning rate 0.1) fitted on the rows the selection step is fitted on. The task follows the
 * prepared target: classes for a categorical one, regression for a numeric one. Lives in the
 * workflow because preparation may not use the learners ({@link FeatureImportance} says why).
 * Deterministic for a seed, whatever the thread count; immutable.
 */
final class ModelImportance implements FeatureImportance {
    static final int TREES = 50;
    static final int LEAVES = 15;
    private final long seed;
    private final int threads;

    ModelImportance(long seed, int threads) {
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public double[] score(Frame features, Column target) {
        Task task = target instanceof CategoricalColumn c ? c.levels().size() == 2 ? Task.BINARY : Task.MULTICLASS
                : Task.REGRESSION;
        if (features.has(target.name())) {
            throw new IllegalStateException("importance: the target '" + target.name() + "' is among the features");
        }
        List<Column> columns = new ArrayList<>(features.columns());
        columns.add(target);
        GbmParams params = GbmParams.defaults().withTrees(TREES).withTreeShape(0, LEAVES);
        GbmModel model = new GbmLearner(params).fit(Frame.of(columns), new TrainOptions(target.name(), task, seed, threads));
        return model.gainImportance();
    }
}
