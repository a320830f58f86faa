package dev.kiln.learn.glm;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import java.util.Map;

/**
 * Logistic regression with L2, L1 or elastic-net penalties for classification: binary (one weight vector, sigmoid) for two
 * classes, multinomial (one weight vector per class, softmax) for more, as scikit-learn's
 * {@code LogisticRegression(solver="lbfgs")}, which it matches to the solver's tolerance for the same
 * {@code C = 1 / l2}.
 *
 * <p>Fits by {@link Lbfgs} (by {@link OwlQn} when {@code l1 > 0}) from zero on standardised features, with the penalty rescaled so that it
 * falls on the original-scale coefficients; the model keeps those. The objective and its gradient are
 * evaluated on {@link TrainOptions#threads()} threads over fixed row blocks whose partial sums are added
 * in block order, so the model is the same, bit for bit, for any thread count (the seed changes
 * nothing). Cost per iteration {@code O(rows × features × classes)}.
 * Immutable; {@link #fit} does not modify the frame.
 */
public final class LogisticLearner implements Learner<LogisticModel> {
    private static final int MEMORY = 10;
    private static final double RELATIVE_DECREASE = 64 * Math.ulp(1.0);
    private final LogisticParams params;

    public LogisticLearner(LogisticParams params) {
        this.params = params;
    }

    public LogisticLearner() {
        this(LogisticParams.defaults());
    }

    @Override
    public String name() {
        return LogisticModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public LogisticModel fit(Frame train, TrainOptions options) {
        Checks.checkArgument(options.task().isClassification(), "logistic needs a classification task, got %s",
                options.task().label());
        TrainingData data = TrainingData.of(train, options);
        Standardization standardization = Standardization.of(data.features());
        int p = standardization.size();
        int blocks = data.classes().size() == 2 ? 1 : data.classes().size();
        double[] penalty = new double[p];
        for (int j = 0; j < p; j++) {
            double scale = standardization.scale(j);
            penalty[j] = params.l2() / (scale * scale);
        }
        double[] theta;
        try (RowBlocks rows = new RowBlocks(data.labels().length, options.threads())) {
            var objective = new LogisticObjective(standardization.apply(data.features()), data.labels(), blocks, penalty, rows);
            double[] start = new double[objective.dimension()];
            if (params.l1() > 0) {
                var owlqn = new OwlQn(MEMORY, params.maxIter(), params.tolerance(), RELATIVE_DECREASE);
                theta = owlqn.minimize(objective, l1Weights(standardization, blocks, data.labels().length), start).x();
            } else {
                theta = new Lbfgs(MEMORY, params.maxIter(), params.tolerance(), RELATIVE_DECREASE).minimize(objective, start).x();
            }
        }
        double[] coefficients = new double[blocks * p];
        double[] intercepts = new double[blocks];
        for (int k = 0; k < blocks; k++) {
            int offset = k * (p + 1);
            intercepts[k] = standardization.toOriginalScale(theta, offset, theta[offset + p], coefficients, k * p);
        }
        return new LogisticModel(options.task(), data.featureNames(), data.classes(), params, coefficients, intercepts);
    }

    /**
     * The lasso weight of each parameter of the objective (which is divided by the row count): {@code l1 / (scale_j n)}
     * on standardised weight {@code j}, so the penalty falls on the original-scale coefficients; 0 on intercepts.
     */
    private double[] l1Weights(Standardization standardization, int blocks, int rows) {
        int p = standardization.size();
        double[] weights = new double[blocks * (p + 1)];
        for (int k = 0; k < blocks; k++) {
            for (int j = 0; j < p; j++) {
                weights[k * (p + 1) + j] = params.l1() / (standardization.scale(j) * rows);
            }
        }
        return weights;
    }
}
