package dev.kiln.learn.cluster;

import dev.kiln.learn.neighbors.KdTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.UnsupervisedData;
import java.util.List;

/**
 * A fitted DBSCAN model: the core rows of training and their clusters. A row, new or not, is assigned
 * the cluster of its nearest core row within {@code eps} (the first on ties), or noise
 * ({@value Predictions#NOISE}, label {@value Predictions#NOISE_LABEL}) when none is that close; so a
 * training border row reachable from two clusters gets the nearer one. {@link #predictRow} writes the
 * index into {@code out[0]} and allocates nothing. The k-d tree over the core rows is rebuilt, identically,
 * when a bundle is read. Immutable and thread-safe.
 */
public final class DbscanModel implements Model {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "dbscan";

    private final List<String> features;
    private final DbscanParams params;
    private final double[] corePoints;
    private final int[] coreLabels;
    private final int clusters;
    private final int trainingNoise;
    private final KdTree tree;

    DbscanModel(List<String> features, DbscanParams params, double[] corePoints, int[] coreLabels, int clusters, int trainingNoise) {
        int d = features.size();
        Checks.checkArgument(d > 0 && corePoints.length == (long) coreLabels.length * d,
                "core_points: expected %s x %s values, got %s", coreLabels.length, d, corePoints.length);
        for (int label : coreLabels) {
            Checks.checkArgument(label >= 0 && label < clusters, "core_labels: %s is not a cluster of %s", label, clusters);
        }
        this.features = List.copyOf(features);
        this.params = params;
        this.corePoints = corePoints.clone();
        this.coreLabels = coreLabels.clone();
        this.clusters = clusters;
        this.trainingNoise = trainingNoise;
        this.tree = new KdTree(this.corePoints, coreLabels.length, d, DbscanLearner.LEAF_SIZE);
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static DbscanModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        Checks.checkArgument(state.task() == Task.CLUSTERING, "task: expected clustering, got %s", state.task().label());
        JsonNode noise = json.get("training_noise");
        Checks.checkArgument(noise != null && noise.isIntegralNumber(), "training_noise: expected an integer");
        return new DbscanModel(state.features(), DbscanParams.fromMap(state.params()), state.doubles("core_points"),
                state.ints("core_labels"), state.integer("clusters"), noise.intValue());
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("core_points", arrays.putDoubles(corePoints));
        json.put("core_labels", arrays.putInts(coreLabels));
        json.put("clusters", clusters);
        json.put("training_noise", trainingNoise);
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        double[] rows = UnsupervisedData.rowMajor(frame, features);
        int d = features.size();
        double radius2 = params.eps() * params.eps();
        double[] out = new double[frame.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cluster(rows, i * d, radius2);
        }
        return Predictions.ofClusters(out);
    }

    private int cluster(double[] rows, int offset, double radius2) {
        int nearest = tree.nearestWithin(rows, offset, radius2);
        return nearest < 0 ? Predictions.NOISE : coreLabels[nearest];
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        if (x.length != features.size() || out.length < 1) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for 1 cluster index");
        }
        out[0] = cluster(x, 0, params.eps() * params.eps());
    }

    /** The number of clusters found in training. */
    public int clusters() {
        return clusters;
    }

    /** How many training rows were noise. */
    public int trainingNoise() {
        return trainingNoise;
    }

    /** How many core rows the model keeps. */
    public int coreRows() {
        return coreLabels.length;
    }

    public DbscanParams params() {
        return params;
    }

    @Override
    public Task task() {
        return Task.CLUSTERING;
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public List<String> classes() {
        return List.of();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
