package dev.kiln.learn.neighbors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.FeatureScaling;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.List;

/**
 * A fitted k-nearest-neighbours model: the scaled training rows (row-major) and their targets (class
 * codes or values), searched by a {@link KdTree} (rebuilt deterministically when loaded) or by brute
 * force, in blocks of query rows against blocks of training rows for {@link #predict}. The neighbours
 * are sorted by distance, then row, before their votes are added, so a row gets the same bits on
 * every path. Immutable and thread-safe. {@link #predictRow} allocates nothing: its scaled row and
 * neighbour heap live in a per-thread scratch made on a thread's first call.
 */
public final class KnnModel implements Model {
    /** The type name in bundles. */
    public static final String TYPE = "knn";
    private static final int QUERY_BLOCK = 64;
    private static final int TRAINING_BLOCK_VALUES = 16_384;

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final KnnParams params;
    private final FeatureScaling scaling;
    private final double[] rows;
    private final double[] targets;
    private final int k;
    private final KdTree tree;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final double[] scaled;
        final NeighborHeap heap;

        Scratch(int dimension, int k) {
            scaled = new double[dimension];
            heap = new NeighborHeap(k);
        }
    }

    KnnModel(Task task, List<String> features, List<String> classes, KnnParams params, FeatureScaling scaling, double[] rows,
             double[] targets) {
        int p = features.size();
        Checks.checkArgument(task.isClassification() ? classes.size() >= 2 : classes.isEmpty(),
                "classes: %s do not fit task %s", classes, task.label());
        Checks.checkArgument(scaling.size() == p, "scaling: expected %s features, got %s", p, scaling.size());
        Checks.checkArgument(targets.length > 0 && rows.length == targets.length * p,
                "rows: expected %s values for %s targets, got %s", targets.length * p, targets.length, rows.length);
        if (task.isClassification()) {
            for (int i = 0; i < targets.length; i++) {
                Checks.checkArgument(targets[i] >= 0 && targets[i] < classes.size() && targets[i] == Math.rint(targets[i]),
                        "targets: row %s has class code %s outside [0, %s)", i, targets[i], classes.size());
            }
        }
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.scaling = scaling;
        this.rows = rows.clone();
        this.targets = targets.clone();
        this.k = Math.min(params.k(), targets.length);
        this.tree = params.usesKdTree(p) && p > 0 ? new KdTree(this.rows, p, params.leafSize()) : null;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(p, k));
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static KnnModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        return new KnnModel(state.task(), state.features(), state.classes(), KnnParams.fromMap(state.params()),
                FeatureScaling.of(state.doubles("shifts"), state.doubles("scales")), state.doubles("rows"),
                state.doubles("targets"));
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("shifts", arrays.putDoubles(scaling.shifts()));
        json.put("scales", arrays.putDoubles(scaling.scales()));
        json.put("rows", arrays.putDoubles(rows));
        json.put("targets", arrays.putDoubles(targets));
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        FeatureMatrix matrix = FeatureMatrix.of(frame, features);
        int n = matrix.rows();
        int p = features.size();
        int width = Math.max(1, classes.size());
        double[] results = new double[n * width];
        double[] out = new double[width];
        double[] x = new double[p];
        if (tree != null || p == 0) {
            for (int i = 0; i < n; i++) {
                matrix.row(i, x);
                predictRow(x, out);
                System.arraycopy(out, 0, results, i * width, width);
            }
        } else {
            bruteForceBlocks(matrix, results, width);
        }
        return task.isClassification() ? Predictions.ofProbabilities(task, classes, results) : Predictions.ofValues(results);
    }

    /** Blocks of query rows against blocks of training rows, so a training block is read from cache by many queries. */
    private void bruteForceBlocks(FeatureMatrix matrix, double[] results, int width) {
        int n = matrix.rows();
        int p = features.size();
        int trainingRows = targets.length;
        int trainingBlock = Math.max(8, TRAINING_BLOCK_VALUES / p);
        double[] raw = new double[p];
        double[] queries = new double[QUERY_BLOCK * p];
        double[] query = new double[p];
        double[] out = new double[width];
        NeighborHeap[] heaps = new NeighborHeap[QUERY_BLOCK];
        for (int q = 0; q < QUERY_BLOCK; q++) {
            heaps[q] = new NeighborHeap(k);
        }
        for (int first = 0; first < n; first += QUERY_BLOCK) {
            int count = Math.min(QUERY_BLOCK, n - first);
            for (int q = 0; q < count; q++) {
                matrix.row(first + q, raw);
                scaling.apply(raw, query);
                System.arraycopy(query, 0, queries, q * p, p);
                heaps[q].clear();
            }
            for (int t0 = 0; t0 < trainingRows; t0 += trainingBlock) {
                int t1 = Math.min(trainingRows, t0 + trainingBlock);
                for (int q = 0; q < count; q++) {
                    System.arraycopy(queries, q * p, query, 0, p);
                    NeighborHeap heap = heaps[q];
                    for (int t = t0; t < t1; t++) {
                        heap.offer(Distances.squared(query, rows, t * p, p), t);
                    }
                }
            }
            for (int q = 0; q < count; q++) {
                vote(heaps[q], out);
                System.arraycopy(out, 0, results, (first + q) * width, width);
            }
        }
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int p = features.size();
        int width = Math.max(1, classes.size());
        if (x.length != p || out.length < width) {
            throw new IllegalArgumentException("predictRow: expected " + p + " features and room for " + width + " outputs");
        }
        Scratch s = scratch.get();
        scaling.apply(x, s.scaled);
        NeighborHeap heap = s.heap;
        heap.clear();
        if (tree != null) {
            tree.search(s.scaled, heap);
        } else {
            for (int t = 0; t < targets.length; t++) {
                heap.offer(Distances.squared(s.scaled, rows, t * p, p), t);
            }
        }
        vote(heap, out);
    }

    /** Class shares or the (weighted) mean of the neighbours in {@code heap}, nearest first. */
    private void vote(NeighborHeap heap, double[] out) {
        heap.sort();
        int m = heap.size();
        boolean distance = params.weights().equals("distance");
        boolean exact = distance && heap.distance(0) == 0;
        int width = Math.max(1, classes.size());
        for (int c = 0; c < width; c++) {
            out[c] = 0;
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            double d = heap.distance(i);
            double weight = !distance ? 1 : exact ? (d == 0 ? 1 : 0) : 1 / Math.sqrt(d);
            double target = targets[heap.row(i)];
            if (task.isClassification()) {
                out[(int) target] += weight;
            } else {
                out[0] += weight * target;
            }
            total += weight;
        }
        for (int c = 0; c < width; c++) {
            out[c] /= total;
        }
    }

    /** Whether this model searches a k-d tree (else brute force). */
    public boolean usesKdTree() {
        return tree != null;
    }

    public KnnParams params() {
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
