package dev.kiln.learn.gbm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
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
 * A fitted gradient-boosted ensemble: a row's raw scores are the baseline plus the leaf values of
 * its trees (tree {@code t} adds to output {@code t mod outputs}), turned into probabilities or a
 * value by the loss. Exposes gain and split importances per feature.
 *
 * <p>Immutable and thread-safe. {@link #predictRow} allocates nothing; {@link #predict} scores
 * blocks of rows tree by tree (in parallel on the common pool for large frames) and gives the same
 * bits as {@link #predictRow}, since every row sums its trees in the same order.
 */
public final class GbmModel implements Model, Explainable {
    /** The type name in bundles and the learner name in specs. */
    public static final String TYPE = "gbm";
    private static final int BLOCK = 256;
    private static final int PARALLEL_ROWS = 16_384;

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    /** Whether batches walk on threshold codes ({@link TreeEnsemble#isCoded}). */
    private final boolean coded;
    private final GbmParams params;
    private final Loss loss;
    private final double[] baseline;
    private final TreeEnsemble ensemble;
    private final int outputs;

    /** A model from its baseline raw scores (one per output) and trees. */
    public GbmModel(Task task, List<String> features, List<String> classes, GbmParams params, double[] baseline, TreeEnsemble ensemble) {
        boolean fits = switch (task) {
            case BINARY -> classes.size() == 2;
            case MULTICLASS -> classes.size() >= 2;
            case REGRESSION -> classes.isEmpty();
            case CLUSTERING, ANOMALY -> false;
        };
        Checks.checkArgument(fits, "classes: %s do not fit task %s", classes, task.label());
        this.loss = Loss.of(params.loss(), task, classes.size(), params.huberDelta(), params.quantileAlpha());
        this.outputs = loss.outputs();
        Checks.checkArgument(baseline.length == outputs, "baseline: expected %s values, got %s", outputs, baseline.length);
        Checks.checkArgument(ensemble.width() == 1 && ensemble.trees() % outputs == 0,
                "trees: %s trees of width %s do not fit %s outputs", ensemble.trees(), ensemble.width(), outputs);
        Checks.checkArgument(ensemble.maxFeature() < features.size(), "trees: split on feature %s of %s",
                ensemble.maxFeature(), features.size());
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.baseline = baseline.clone();
        this.ensemble = ensemble;
        this.coded = ensemble.isCoded(); // builds the coded layout now, when the model is made, not in the first batch
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static GbmModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        JsonNode trees = json.get("trees");
        Checks.checkArgument(trees instanceof ObjectNode, "trees: expected an object");
        return new GbmModel(state.task(), state.features(), state.classes(), GbmParams.fromMap(state.params()),
                state.doubles("baseline"), TreeEnsemble.fromJson((ObjectNode) trees, arrays));
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("baseline", arrays.putDoubles(baseline));
        json.set("trees", ensemble.toJson(arrays));
        return json;
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int width = Math.max(1, classes.size());
        if (x.length != features.size() || out.length < width) {
            throw new IllegalArgumentException("predictRow: expected " + features.size() + " features and room for " + width + " values");
        }
        int trees = ensemble.trees();
        for (int k = 0; k < outputs; k++) {
            out[k] = ensemble.accumulate(baseline[k], x, k, outputs, trees);
        }
        loss.transform(out);
    }

    @Override
    public Predictions predict(Frame frame) {
        int n = frame.rowCount();
        int width = Math.max(1, classes.size());
        double[] out = new double[n * width];
        ForkJoinPool pool = n >= PARALLEL_ROWS ? ForkJoinPool.commonPool() : null;
        int parts = Math.max(1, n / PARALLEL_ROWS) * 4;
        if (coded) {
            // the coded walk reads the frame's own columns: no copy of the whole frame
            NumericColumn[] columns = FeatureMatrix.numericColumns(frame, features);
            ParallelLoop.run(pool, n, parts, (part, from, to) -> predictCodedRange(columns, from, to, out));
        } else {
            FeatureMatrix matrix = FeatureMatrix.of(frame, features);
            double[][] columns = new double[features.size()][];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = matrix.column(j);
            }
            ParallelLoop.run(pool, n, parts, (part, from, to) -> predictRange(columns, from, to, out));
        }
        return task.isClassification() ? Predictions.ofProbabilities(task, classes, out) : Predictions.ofValues(out);
    }

    private void predictRange(double[][] columns, int from, int to, double[] out) {
        if (ensemble.isBranchFree()) {
            predictRowsRange(columns, from, to, out);
            return;
        }
        int width = Math.max(1, classes.size());
        double[] scores = new double[outputs * BLOCK];
        int trees = ensemble.trees();
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            for (int c = 0; c < outputs; c++) {
                java.util.Arrays.fill(scores, c * BLOCK, (c + 1) * BLOCK, baseline[c]);
            }
            for (int t = 0; t < trees; t++) {
                ensemble.addLeafValues(t, columns, start, end, scores, (t % outputs) * BLOCK - start);
            }
            loss.transformRows(scores, BLOCK, end - start, out, start * width, width);
        }
    }

    /**
     * Exact TreeSHAP values of the raw scores (before the loss's transform: log-odds for binary, softmax scores for
     * multiclass, the value for regression); baseline plus contributions equals the raw score up to rounding.
     */
    @Override
    public void contributions(double[] x, double[] baseline, double[] contributions) {
        new TreeExplainer().explainSum(ensemble, this.baseline, outputs, x, baseline, contributions);
    }

    @Override
    public int explainedOutputs() {
        return outputs;
    }

    @Override
    public String outputSpace() {
        return loss instanceof LogLoss ? LOG_ODDS : loss instanceof SoftmaxLoss ? SOFTMAX_SCORE : VALUE;
    }

    /** The raw scores of row {@code x} (one per output) before the loss turns them into a prediction. */
    public void rawScores(double[] x, double[] out) {
        for (int k = 0; k < outputs; k++) {
            out[k] = ensemble.accumulate(baseline[k], x, k, outputs, ensemble.trees());
        }
    }

    /**
     * Rows {@code [from, to)} a block at a time: the block is copied row by row into one array, then the trees are
     * walked tree by tree over the block's rows; each row's scores are summed in the order {@link #predictRow} sums
     * them, so both give the same bits. Each step over a block is a small method of its own, so that the JIT compiles
     * each soon and once rather than recompiling one large loop nest on the first, cold batch.
     */
    private void predictRowsRange(double[][] columns, int from, int to, double[] out) {
        int width = Math.max(1, classes.size());
        double[] block = new double[BLOCK * columns.length];
        double[] scores = new double[outputs * BLOCK];
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            copyRows(columns, start, end, block);
            scoreBlock(block, columns.length, end - start, scores);
            loss.transformRows(scores, BLOCK, end - start, out, start * width, width);
        }
    }

    /**
     * Rows {@code [from, to)} a block at a time on codes: each block's values are coded once (a small count per value,
     * see {@link TreeEnsemble#encodeRows}), then the trees are walked tree by tree over the block's codes; each row's
     * scores are summed in the order {@link #predictRow} sums them, so both give the same bits.
     */
    private void predictCodedRange(NumericColumn[] columns, int from, int to, double[] out) {
        int width = Math.max(1, classes.size());
        byte[] codes = ensemble.newCodeBlock(BLOCK);
        double[] scores = new double[outputs * BLOCK];
        int trees = ensemble.trees();
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            int rows = end - start;
            ensemble.encodeRows(columns, start, end, codes);
            for (int k = 0; k < outputs; k++) {
                java.util.Arrays.fill(scores, k * BLOCK, k * BLOCK + rows, baseline[k]);
                ensemble.addEncoded(codes, rows, scores, k * BLOCK, k, outputs, trees);
            }
            loss.transformRows(scores, BLOCK, rows, out, start * width, width);
        }
    }

    /** Copies rows {@code [start, end)} of {@code columns} into the row-major {@code block}. */
    private static void copyRows(double[][] columns, int start, int end, double[] block) {
        int p = columns.length;
        for (int j = 0; j < p; j++) {
            double[] column = columns[j];
            for (int i = start; i < end; i++) {
                block[(i - start) * p + j] = column[i];
            }
        }
    }

    /** Puts the raw scores of the block's {@code rows} rows in {@code scores} (output {@code k} of row {@code i} at {@code k * BLOCK + i}). */
    private void scoreBlock(double[] block, int p, int rows, double[] scores) {
        int trees = ensemble.trees();
        for (int k = 0; k < outputs; k++) {
            java.util.Arrays.fill(scores, k * BLOCK, k * BLOCK + rows, baseline[k]);
            ensemble.addBlock(block, p, rows, scores, k * BLOCK, k, outputs, trees);
        }
    }

    /** The total gain of the splits on each feature, in {@link #features()} order. */
    public double[] gainImportance() {
        double[] gains = new double[features.size()];
        ensemble.importances(gains, new double[features.size()]);
        return gains;
    }

    /** The number of splits on each feature, in {@link #features()} order. */
    public double[] splitImportance() {
        double[] splits = new double[features.size()];
        ensemble.importances(new double[features.size()], splits);
        return splits;
    }

    /** The number of boosting rounds kept (fewer than {@code trees} after early stopping). */
    public int rounds() {
        return ensemble.trees() / outputs;
    }

    /** The trees. */
    public TreeEnsemble ensemble() {
        return ensemble;
    }

    public GbmParams params() {
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
