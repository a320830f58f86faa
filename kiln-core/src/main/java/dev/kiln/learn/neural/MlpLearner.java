package dev.kiln.learn.neural;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import java.util.List;
import java.util.Map;

/**
 * A multilayer perceptron (dense layers, ReLU or tanh) for classification, with a sigmoid output and
 * log-loss for two classes or a softmax for more, and for regression, with a linear output and squared
 * error, trained by mini-batch Adam or SGD with momentum (see {@link MlpParams}). Features are
 * standardised inside (mean and population standard deviation of the training rows; the model keeps
 * them), and so is a regression target. Gradients run on {@link TrainOptions#threads()} threads over
 * fixed row blocks ({@link Backprop}), so the same seed gives the same model, bit for bit, for any thread
 * count. Cost per epoch {@code O(rows × Σ size(l−1) × size(l))}. Immutable.
 */
public final class MlpLearner implements Learner<MlpModel> {
    private final MlpParams params;

    public MlpLearner(MlpParams params) {
        this.params = params;
    }

    public MlpLearner() {
        this(MlpParams.defaults());
    }

    @Override
    public String name() {
        return MlpModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public MlpModel fit(Frame train, TrainOptions options) {
        Task task = options.task();
        Checks.checkArgument(!task.isUnsupervised(), "mlp needs a classification or regression task, got %s", task.label());
        TrainingData data = TrainingData.of(train, options);
        FeatureMatrix features = data.features();
        int n = data.rows();
        int d = features.columnCount();
        Checks.checkArgument(d >= 1, "mlp needs at least one feature column");
        double[] means = new double[d];
        double[] scales = new double[d];
        double[] x = new double[n * d];
        for (int j = 0; j < d; j++) {
            double[] column = features.column(j);
            means[j] = mean(column);
            scales[j] = scale(column, means[j]);
            for (int i = 0; i < n; i++) {
                x[i * d + j] = (column[i] - means[j]) / scales[j];
            }
        }
        int[] labels = null;
        double[] targets = null;
        double targetMean = 0;
        double targetScale = 1;
        Output output;
        int outputs;
        if (task.isClassification()) {
            labels = data.labels();
            outputs = data.classes().size() == 2 ? 1 : data.classes().size();
            output = outputs == 1 ? Output.SIGMOID : Output.SOFTMAX;
        } else {
            double[] y = data.targets();
            targetMean = mean(y);
            targetScale = scale(y, targetMean);
            targets = new double[n];
            for (int i = 0; i < n; i++) {
                targets[i] = (y[i] - targetMean) / targetScale;
            }
            outputs = 1;
            output = Output.LINEAR;
        }
        Shape shape = new Shape(sizes(d, params.hidden(), outputs));
        MlpTraining.Result result = new MlpTraining(shape, params, output).train(x, n, labels, targets, options.seed(), options.threads());
        return new MlpModel(task, data.featureNames(), data.classes(), params, shape.sizes(), result.theta(), means, scales,
                targetMean, targetScale, result.epochs());
    }

    static int[] sizes(int inputs, List<Integer> hidden, int outputs) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = inputs;
        for (int l = 0; l < hidden.size(); l++) {
            sizes[l + 1] = hidden.get(l);
        }
        sizes[sizes.length - 1] = outputs;
        return sizes;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The population standard deviation, or 1 for a constant column. */
    private static double scale(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double scale = Math.sqrt(squares / values.length);
        return scale > 0 ? scale : 1;
    }
}
