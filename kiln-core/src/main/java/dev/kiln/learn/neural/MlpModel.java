package dev.kiln.learn.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.RowByRow;
import dev.kiln.learn.Task;
import java.util.List;

/**
 * A fitted multilayer perceptron: input standardisation, the layer sizes and the flat parameter vector
 * (per layer row-major weights then biases), and for regression the target's mean and scale. Class
 * probabilities ({@code [1 − p, p]} from a sigmoid, or a softmax) or the value. Immutable and
 * thread-safe; {@link #predictRow} uses per-thread scratch buffers and allocates nothing after a
 * thread's first call.
 */
public final class MlpModel implements Model {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "mlp";

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final MlpParams params;
    private final Shape shape;
    private final double[] theta;
    private final double[] means;
    private final double[] scales;
    private final double targetMean;
    private final double targetScale;
    private final int epochs;
    private final Output output;
    private final ThreadLocal<double[][]> scratch;

    MlpModel(Task task, List<String> features, List<String> classes, MlpParams params, int[] sizes, double[] theta, double[] means,
             double[] scales, double targetMean, double targetScale, int epochs) {
        Checks.checkArgument(!task.isUnsupervised(), "task: mlp needs classification or regression, got %s", task.label());
        Checks.checkArgument(task == Task.REGRESSION ? classes.isEmpty() : classes.size() >= 2 && (task != Task.BINARY
                || classes.size() == 2), "classes: %s do not fit task %s", classes, task.label());
        this.shape = new Shape(sizes);
        int outputs = task == Task.REGRESSION || classes.size() == 2 ? 1 : classes.size();
        Checks.checkArgument(shape.inputs() == features.size() && shape.outputs() == outputs,
                "sizes: %s do not fit %s features and %s outputs", java.util.Arrays.toString(sizes), features.size(), outputs);
        Checks.checkArgument(theta.length == shape.parameters(), "parameters: expected %s values, got %s", shape.parameters(),
                theta.length);
        Checks.checkArgument(means.length == features.size() && scales.length == features.size(),
                "means, scales: expected %s values each", features.size());
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.theta = theta.clone();
        this.means = means.clone();
        this.scales = scales.clone();
        this.targetMean = targetMean;
        this.targetScale = targetScale;
        this.epochs = epochs;
        this.output = task == Task.REGRESSION ? Output.LINEAR : outputs == 1 ? Output.SIGMOID : Output.SOFTMAX;
        int widest = shape.widest();
        this.scratch = ThreadLocal.withInitial(() -> new double[][] {new double[widest], new double[widest]});
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static MlpModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        return new MlpModel(state.task(), state.features(), state.classes(), MlpParams.fromMap(state.params()), state.ints("sizes"),
                state.doubles("parameters"), state.doubles("means"), state.doubles("scales"), number(json, "target_mean"),
                number(json, "target_scale"), state.integer("epochs"));
    }

    private static double number(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.isNumber(), "%s: expected a number", field);
        return node.doubleValue();
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("sizes", arrays.putInts(shape.sizes()));
        json.put("parameters", arrays.putDoubles(theta));
        json.put("means", arrays.putDoubles(means));
        json.put("scales", arrays.putDoubles(scales));
        json.put("target_mean", targetMean);
        json.put("target_scale", targetScale);
        json.put("epochs", epochs);
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        return RowByRow.predict(this, frame);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int width = Math.max(1, classes.size());
        if (x.length != features.size() || out.length < width) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for " + width
                    + " outputs");
        }
        double[][] buffers = scratch.get();
        double[] a = buffers[0];
        double[] z = buffers[1];
        for (int j = 0; j < x.length; j++) {
            a[j] = (x[j] - means[j]) / scales[j];
        }
        int last = shape.layers() - 1;
        for (int l = 1; l <= last; l++) {
            int in = shape.size(l - 1);
            int size = shape.size(l);
            int wo = shape.weights(l);
            System.arraycopy(theta, shape.biases(l), z, 0, size);
            for (int k = 0; k < in; k++) {
                double ak = a[k];
                if (ak == 0) {
                    continue;
                }
                int row = wo + k * size;
                for (int j = 0; j < size; j++) {
                    z[j] += ak * theta[row + j];
                }
            }
            if (l < last) {
                params.activation().apply(z, 0, size);
            } else {
                output.activate(z, 0, size);
            }
            double[] t = a;
            a = z;
            z = t;
        }
        switch (output) {
            case LINEAR -> out[0] = a[0] * targetScale + targetMean;
            case SIGMOID -> {
                out[0] = 1 - a[0];
                out[1] = a[0];
            }
            case SOFTMAX -> System.arraycopy(a, 0, out, 0, classes.size());
        }
    }

    /** The epochs training ran. */
    public int epochs() {
        return epochs;
    }

    public MlpParams params() {
        return params;
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
