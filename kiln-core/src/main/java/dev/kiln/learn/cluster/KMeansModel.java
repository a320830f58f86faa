package dev.kiln.learn.cluster;

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
 * A fitted k-means model: the centres; a row's cluster is the index of its nearest centre (Euclidean,
 * the first on ties). {@link #predictRow} writes it into {@code out[0]} and allocates nothing. Also
 * keeps the training inertia and, when k was chosen, the silhouette that chose it. Immutable and
 * thread-safe.
 */
public final class KMeansModel implements Model {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "kmeans";

    private final List<String> features;
    private final KMeansParams params;
    private final double[] centres;
    private final int k;
    private final double inertia;
    private final double silhouette;
    private final int iterations;

    /** A model from centres (row-major, {@code k × features}, copied); {@code iterations} of the kept start. */
    public KMeansModel(List<String> features, KMeansParams params, double[] centres, double inertia, double silhouette,
                       int iterations) {
        Checks.checkArgument(!features.isEmpty() && centres.length > 0 && centres.length % features.size() == 0,
                "centres: expected a multiple of %s values, got %s", features.size(), centres.length);
        this.features = List.copyOf(features);
        this.params = params;
        this.centres = centres.clone();
        this.k = centres.length / features.size();
        this.inertia = inertia;
        this.silhouette = silhouette;
        this.iterations = iterations;
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static KMeansModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        Checks.checkArgument(state.task() == Task.CLUSTERING, "task: expected clustering, got %s", state.task().label());
        return new KMeansModel(state.features(), KMeansParams.fromMap(state.params()), state.doubles("centres"),
                number(json, "inertia"), number(json, "silhouette"), state.integer("iterations"));
    }

    private static double number(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && (node.isNumber() || node.isNull()), "%s: expected a number or null", field);
        return node.isNull() ? Double.NaN : node.doubleValue();
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("centres", arrays.putDoubles(centres));
        json.put("inertia", inertia);
        json.put("iterations", iterations);
        if (Double.isNaN(silhouette)) {
            json.putNull("silhouette");
        } else {
            json.put("silhouette", silhouette);
        }
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        double[] rows = UnsupervisedData.rowMajor(frame, features);
        int d = features.size();
        double[] clusters = new double[frame.rowCount()];
        for (int i = 0; i < clusters.length; i++) {
            clusters[i] = Distances.nearest(rows, i * d, centres, k, d);
        }
        return Predictions.ofClusters(clusters);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        if (x.length != features.size() || out.length < 1) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for 1 cluster index");
        }
        out[0] = Distances.nearest(x, 0, centres, k, x.length);
    }

    /** The number of clusters. */
    public int k() {
        return k;
    }

    /** A copy of the centres, row-major. */
    public double[] centres() {
        return centres.clone();
    }

    /** The sum of squared distances of the training rows to their centres. */
    public double inertia() {
        return inertia;
    }

    /** The Lloyd iterations of the kept start. */
    public int iterations() {
        return iterations;
    }

    /** The silhouette on the training sample that chose k; NaN when k was fixed. */
    public double silhouette() {
        return silhouette;
    }

    public KMeansParams params() {
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
