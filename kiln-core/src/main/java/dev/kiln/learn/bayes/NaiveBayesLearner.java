package dev.kiln.learn.bayes;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import java.util.List;
import java.util.Map;

/**
 * Naive Bayes classification: class priors from the training frequencies and one {@link Likelihood}
 * per {@link NaiveBayesParams#kind()} (Gaussian, multinomial or categorical), combined in log space.
 * Classification only. Fitting is one pass of sums over the rows: nothing is random and nothing depends
 * on the thread count. Immutable; {@link #fit} does not modify the frame.
 */
public final class NaiveBayesLearner implements Learner<NaiveBayesModel> {
    /** The learner name in specs. */
    public static final String NAME = "naive_bayes";
    private final NaiveBayesParams params;

    public NaiveBayesLearner(NaiveBayesParams params) {
        this.params = params;
    }

    public NaiveBayesLearner() {
        this(NaiveBayesParams.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public NaiveBayesModel fit(Frame train, TrainOptions options) {
        Checks.checkArgument(options.task().isClassification(), "naive_bayes needs a classification task, got %s",
                options.task().label());
        TrainingData data = TrainingData.of(train, options);
        FeatureMatrix matrix = data.features();
        double[][] columns = new double[matrix.columnCount()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = matrix.column(j);
        }
        int k = data.classes().size();
        int[] labels = data.labels();
        List<String> names = data.featureNames();
        String kind = params.kind().equals("auto") ? chooseKind(columns) : params.kind();
        Likelihood likelihood = switch (kind) {
            case GaussianLikelihood.KIND -> GaussianLikelihood.fit(columns, labels, k, params.varSmoothing());
            case MultinomialLikelihood.KIND -> MultinomialLikelihood.fit(columns, names, labels, k, params.alpha());
            case CategoricalLikelihood.KIND -> CategoricalLikelihood.fit(columns, names, labels, k, params.alpha());
            default -> throw new IllegalStateException("unknown naive Bayes kind " + kind);
        };
        double[] counts = new double[k];
        for (int label : labels) {
            counts[label]++;
        }
        double[] logPriors = new double[k];
        for (int c = 0; c < k; c++) {
            logPriors[c] = Math.log(counts[c] / labels.length);
        }
        return new NaiveBayesModel(options.task(), names, data.classes(), params, logPriors, likelihood);
    }

    /** The kind {@code auto} resolves to for these feature columns (see {@link NaiveBayesParams}). */
    static String chooseKind(double[][] columns) {
        boolean codes = true;
        for (double[] column : columns) {
            for (double v : column) {
                if (!(v >= 0) || v != Math.rint(v)) {
                    return GaussianLikelihood.KIND;
                }
                codes &= v <= NaiveBayesParams.AUTO_MAX_CODE;
            }
        }
        return codes ? CategoricalLikelihood.KIND : MultinomialLikelihood.KIND;
    }
}
