package dev.kiln.learn.tree;

import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import java.util.Map;

/**
 * A CART decision tree (Breiman, Friedman, Olshen and Stone, 1984) for classification (Gini impurity,
 * leaves hold class frequencies) and regression (squared error, leaves hold the mean). Splits are
 * exact: each feature is sorted once, every threshold halfway between consecutive distinct values is
 * tried, and ties go to the lowest feature index, then the lowest threshold.
 *
 * <p>Deterministic and single-threaded: no random choice is made, so the seed and thread count change
 * nothing. Cost {@code O(features × rows × (log rows + depth))}. Immutable; {@link #fit} does not
 * modify the frame.
 */
public final class CartLearner implements Learner<CartModel> {
    private final CartParams params;

    public CartLearner(CartParams params) {
        this.params = params;
    }

    public CartLearner() {
        this(CartParams.defaults());
    }

    @Override
    public String name() {
        return CartModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public CartModel fit(Frame train, TrainOptions options) {
        TrainingData data = TrainingData.of(train, options);
        FeatureMatrix features = data.features();
        double[][] columns = new double[features.columnCount()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = features.column(j);
        }
        SplitCriterion criterion = options.task().isClassification()
                ? new GiniCriterion(data.labels(), data.classes().size())
                : new SquaredErrorCriterion(data.targets());
        CompactTree tree = new TreeGrower(columns, data.rows(), criterion, params).grow();
        return new CartModel(options.task(), data.featureNames(), data.classes(), params, tree);
    }
}
