package dev.kiln.learn.forest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Explainable;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.ParallelLoop;
import dev.kiln.learn.tree.TreeEnsemble;
import dev.kiln.learn.tree.TreeExplainer;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * A fitted random forest or extra-trees ensemble: class probabilities are the mean of the trees'
 * leaf class frequencies, a regression value the mean of their leaf means. Carries the out-of-bag
 * score measured in training (accuracy for classifiers, R² for regression; NaN without bootstrap).
 *
 * <p>Immutable and thread-safe; {@link #predictRow} allocates nothing and {@link #predict} gives the
 * same bits row by row.
 */
public final class ForestModel implements Model, Explainable {
    /** The type name of random forests in bundles and specs. */
    public static final String RANDOM_FOREST = ForestParams.RANDOM_FOREST;
    /** The type name of extra-trees ensembles in bundles and specs. */
    public static final String EXTRA_TREES = ForestParams.EXTRA_TREES;
    private static final int PARALLEL_ROWS = 16_384;
    private static final int BLOCK = 512;

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final ForestParams params;
    private final TreeEnsemble ensemble;
    private final double oobScore;

    public ForestModel(Task task, List<String> features, List<String> classes, ForestParams params, TreeEnsemble ensemble,
            double oobScore) {
        boolean fits = switch (task) {
            case BINARY -> classes.size() == 2;
            case MULTICLASS -> classes.size() >= 2;
            case REGRESSION -> classes.isEmpty();
            case CLUSTERING, ANOMALY -> false;
        };
        Checks.checkArgument(fits, "classes: %s do not fit task %s", classes, task.label());
        int width = Math.max(1, classes.size());
        Checks.checkArgument(ensemble.width() == width && ensemble.trees() >= 1, "trees: width %s, expected %s",
                ensemble.width(), width);
        Checks.checkArgument(ensemble.maxFeature() < features.size(), "trees: split on feature %s of %s",
                ensemble.maxFeature(), features.size());
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.ensemble = ensemble;
        this.oobScore = oobScore;
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static ForestModel fromJson(ObjectNode json, BinaryArrays arrays) {
        JsonNode type = json.get("type");
        String kind = type != null && type.isTextual() ? type.textValue() : "";
        ModelState state = ModelState.read(json, arrays, EXTRA_TREES.equals(kind) ? EXTRA_TREES : RANDOM_FOREST);
        JsonNode trees = json.get("trees");
        Checks.checkArgument(trees instanceof ObjectNode, "trees: expected an object");
        double[] oob = state.doubles("oob_score");
        Checks.checkArgument(oob.length == 1, "oob_score: expected one value");
        return new ForestModel(state.task(), state.features(), state.classes(), ForestParams.fromMap(kind, state.params()),
                TreeEnsemble.fromJson((ObjectNode) trees, arrays), oob[0]);
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("oob_score", arrays.putDoubles(new double[] {oobScore}));
        json.set("trees", ensemble.toJson(arrays));
        return json;
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int width = ensemble.width();
        if (x.length != features.size() || out.length < width) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for " + width + " values");
        }
        for (int k = 0; k < width; k++) {
            out[k] = 0;
        }
        int trees = ensemble.trees();
        for (int t = 0; t < trees; t++) {
            ensemble.addValues(ensemble.leaf(t, x), out);
        }
        for (int k = 0; k < width; k++) {
            out[k] /= trees;
        }
    }

    @Override
    public Predictions predict(Frame frame) {
        FeatureMatrix matrix = FeatureMatrix.of(frame, features);
        int n = matrix.rows();
        int width = ensemble.width();
        double[] out = new double[n * width];
        ForkJoinPool pool = n >= PARALLEL_ROWS ? ForkJoinPool.commonPool() : null;
        double[][] columns = new double[features.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = matrix.column(j);
        }
        int trees = ensemble.trees();
        // tree by tree over blocks of rows, so a tree's nodes stay in cache; every row still sums its
        // trees in order and divides last, exactly as predictRow does
        ParallelLoop.run(pool, n, Math.max(1, n / PARALLEL_ROWS) * 4, (part, from, to) -> {
            double[] row = new double[width];
            for (int start = from; start < to; start += BLOCK) {
                int end = Math.min(to, start + BLOCK);
                for (int t = 0; t < trees; t++) {
                    for (int i = start; i < end; i++) {
                        int leaf = ensemble.leaf(t, columns, i);
                        for (int k = 0; k < width; k++) {
                            row[k] = out[i * width + k];
                        }
                        ensemble.addValues(leaf, row);
                        System.arraycopy(row, 0, out, i * width, width);
                    }
                }
                for (int i = start * width; i < end * width; i++) {
                    out[i] /= trees;
                }
            }
        });
        return task.isClassification() ? Predictions.ofProbabilities(task, classes, out) : Predictions.ofValues(out);
    }

    /**
     * Exact TreeSHAP values of the forest's mean class probabilities (or value): the trees' values averaged, so
     * baseline plus contributions equals {@link #predictRow}'s output up to rounding.
     */
    @Override
    public void contributions(double[] x, double[] baseline, double[] contributions) {
        new TreeExplainer().explainMean(ensemble, x, baseline, contributions);
    }

    /** The out-of-bag accuracy (classification) or R² (regression); NaN when trained without bootstrap. */
    public double oobScore() {
        return oobScore;
    }

    /** The number of splits on each feature, in {@link #features()} order. */
    public double[] splitImportance() {
        double[] splits = new double[features.size()];
        ensemble.importances(new double[features.size()], splits);
        return splits;
    }

    public ForestParams params() {
        return params;
    }

    public TreeEnsemble ensemble() {
        return ensemble;
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
        return params.kind();
    }
}
