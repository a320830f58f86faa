package dev.kiln.learn.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A weighted average of fitted models of one task: of their class probabilities for classifiers (which
 * must share their classes), of their values for regression. Weights are positive and sum to 1; the
 * blend of Caruana et al. ("Ensemble selection from libraries of models", ICML 2004) gives them as
 * selection counts. Reads the union of its members' features. Immutable and thread-safe: the single-row
 * path reuses per-thread scratch arrays and allocates nothing after a thread's first call.
 */
public final class EnsembleModel implements Model {
    public static final String TYPE = "ensemble";

    private final Task task;
    private final List<String> classes;
    private final List<Model> members;
    private final double[] weights;
    private final List<String> features;
    private final int[][] memberFeatures;
    private final ThreadLocal<double[][]> scratch;

    public EnsembleModel(List<Model> members, double[] weights) {
        Checks.checkArgument(!members.isEmpty() && members.size() == weights.length,
                "an ensemble needs as many weights as members (at least one): %s members, %s weights", members.size(), weights.length);
        this.members = List.copyOf(members);
        this.task = members.get(0).task();
        this.classes = members.get(0).classes();
        double sum = 0;
        for (int m = 0; m < weights.length; m++) {
            Model member = members.get(m);
            Checks.checkArgument(member.task() == task && member.classes().equals(classes),
                    "member %s predicts %s %s, expected %s %s", m, member.task().label(), member.classes(), task.label(), classes);
            Checks.checkArgument(weights[m] > 0 && Double.isFinite(weights[m]), "weight %s must be > 0: %s", m, weights[m]);
            sum += weights[m];
        }
        this.weights = weights.clone();
        for (int m = 0; m < weights.length; m++) {
            this.weights[m] /= sum;
        }
        LinkedHashSet<String> union = new LinkedHashSet<>();
        members.forEach(member -> union.addAll(member.features()));
        this.features = List.copyOf(union);
        this.memberFeatures = new int[members.size()][];
        for (int m = 0; m < members.size(); m++) {
            List<String> names = members.get(m).features();
            memberFeatures[m] = names.stream().mapToInt(features::indexOf).toArray();
        }
        int outputs = Math.max(1, classes.size());
        this.scratch = ThreadLocal.withInitial(() -> {
            double[][] buffers = new double[this.members.size() + 1][];
            for (int m = 0; m < this.members.size(); m++) {
                buffers[m] = new double[memberFeatures[m].length];
            }
            buffers[this.members.size()] = new double[outputs];
            return buffers;
        });
    }

    /** Rebuilds an ensemble written by {@link #toJson}, reading each member with {@code memberReader}. */
    public static EnsembleModel fromJson(ObjectNode json, BinaryArrays arrays, Function<ObjectNode, Model> memberReader) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        JsonNode membersNode = json.get("members");
        Checks.checkArgument(membersNode instanceof ArrayNode && membersNode.size() > 0, "members: expected a non-empty array");
        List<Model> members = new ArrayList<>();
        for (JsonNode member : membersNode) {
            Checks.checkArgument(member instanceof ObjectNode, "members: expected objects");
            members.add(memberReader.apply((ObjectNode) member));
        }
        double[] weights = state.doubles("weights");
        EnsembleModel model = new EnsembleModel(members, weights);
        Checks.checkArgument(model.task == state.task() && model.classes.equals(state.classes()),
                "task and classes of the members do not match the ensemble's");
        return model;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("members", members.size());
        ObjectNode json = ModelState.header(this, params);
        json.put("weights", arrays.putDoubles(weights));
        ArrayNode array = json.putArray("members");
        for (Model member : members) {
            array.add(member.toJson(arrays));
        }
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        double[] sum = null;
        for (int m = 0; m < members.size(); m++) {
            Predictions p = members.get(m).predict(frame);
            int n = p.size();
            int k = Math.max(1, classes.size());
            if (sum == null) {
                sum = new double[n * k];
            }
            for (int i = 0; i < n; i++) {
                if (task.isClassification()) {
                    for (int c = 0; c < k; c++) {
                        sum[i * k + c] += weights[m] * p.probability(i, c);
                    }
                } else {
                    sum[i] += weights[m] * p.value(i);
                }
            }
        }
        return task.isClassification() ? Predictions.ofProbabilities(task, classes, sum) : Predictions.ofValues(sum);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int outputs = Math.max(1, classes.size());
        if (x.length != features.size() || out.length < outputs) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for "
                    + outputs + " outputs");
        }
        double[][] buffers = scratch.get();
        double[] memberOut = buffers[members.size()];
        java.util.Arrays.fill(out, 0, outputs, 0);
        for (int m = 0; m < members.size(); m++) {
            double[] memberX = buffers[m];
            int[] index = memberFeatures[m];
            for (int j = 0; j < index.length; j++) {
                memberX[j] = x[index[j]];
            }
            members.get(m).predictRow(memberX, memberOut);
            for (int c = 0; c < outputs; c++) {
                out[c] += weights[m] * memberOut[c];
            }
        }
    }

    /** The members, in order. */
    public List<Model> members() {
        return members;
    }

    /** A copy of the weights, summing to 1. */
    public double[] weights() {
        return weights.clone();
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
