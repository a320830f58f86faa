package dev.kiln.learn.svm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureScaling;
import dev.kiln.learn.Model;
import dev.kiln.learn.ModelState;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.RowByRow;
import dev.kiln.learn.Task;
import java.util.List;

/**
 * A fitted kernel SVM: the support vectors (scaled, row-major, shared by every pair of classes), and per
 * one-vs-one pair (one pair for two classes, a single machine for regression) the indexes of its support
 * vectors, their dual coefficients, the offset {@code rho} and Platt's sigmoid {@code A, B}. A decision
 * value is {@code Σ coef K(sv, x) − rho}; regression predicts it, classification turns each pair's into
 * a probability and couples them.
 *
 * <p>Immutable and thread-safe. {@link #predictRow} allocates nothing: its work arrays (the scaled row,
 * the kernel values, the pairwise probabilities) live in a per-thread scratch made on a thread's first
 * call. Cost per row {@code O(support vectors × features)}.
 */
public final class SvmModel implements Model {
    /** The type name in bundles. */
    public static final String TYPE = "svm";
    private static final double MIN_PROBABILITY = 1e-7;

    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final SvmParams params;
    private final FeatureScaling scaling;
    private final Kernel kernel;
    private final double[] supportVectors;
    private final double[] squares;
    /** The support vectors feature-major, one array per feature, for vectorised kernel values. */
    private final double[][] columns;
    private final int[] pairStarts;
    private final int[] pairSupport;
    private final double[] pairCoefficients;
    private final double[] rho;
    private final double[] plattA;
    private final double[] plattB;
    private final ThreadLocal<Scratch> scratch;

    /** The per-thread work arrays of {@link #predictRow}. */
    private static final class Scratch {
        final double[] scaled;
        final double[] kernelValues;
        final double[] pairwise;
        final PairwiseCoupling coupling;

        Scratch(int dimension, int supportCount, int classes) {
            scaled = new double[dimension];
            kernelValues = new double[supportCount];
            pairwise = new double[classes * classes];
            coupling = new PairwiseCoupling(Math.max(2, classes));
        }
    }

    SvmModel(Task task, List<String> features, List<String> classes, SvmParams params, FeatureScaling scaling, Kernel kernel,
             double[] supportVectors, int[] pairStarts, int[] pairSupport, double[] pairCoefficients, double[] rho,
             double[] plattA, double[] plattB) {
        int p = features.size();
        int k = classes.size();
        int pairs = task.isClassification() ? k * (k - 1) / 2 : 1;
        Checks.checkArgument(task.isClassification() ? k >= 2 : k == 0, "classes: %s do not fit task %s", classes, task.label());
        Checks.checkArgument(scaling.size() == p, "scaling: expected %s features, got %s", p, scaling.size());
        Checks.checkArgument(p > 0 ? supportVectors.length % p == 0 : supportVectors.length == 0,
                "support_vectors: %s values are not rows of %s features", supportVectors.length, p);
        Checks.checkArgument(pairStarts.length == pairs + 1 && rho.length == pairs && plattA.length == pairs
                && plattB.length == pairs, "pairs: expected %s pairs", pairs);
        Checks.checkArgument(pairStarts[0] == 0 && pairStarts[pairs] == pairSupport.length
                && pairSupport.length == pairCoefficients.length, "pair_starts: inconsistent with %s coefficients",
                pairCoefficients.length);
        int supportCount = p > 0 ? supportVectors.length / p : 0;
        for (int pair = 0; pair < pairs; pair++) {
            Checks.checkArgument(pairStarts[pair] <= pairStarts[pair + 1], "pair_starts: not ascending at %s", pair);
        }
        for (int index : pairSupport) {
            Checks.checkArgument(index >= 0 && index < supportCount, "pair_support: index %s outside %s support vectors",
                    index, supportCount);
        }
        this.task = task;
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.params = params;
        this.scaling = scaling;
        this.kernel = kernel;
        this.supportVectors = supportVectors.clone();
        this.pairStarts = pairStarts.clone();
        this.pairSupport = pairSupport.clone();
        this.pairCoefficients = pairCoefficients.clone();
        this.rho = rho.clone();
        this.plattA = plattA.clone();
        this.plattB = plattB.clone();
        this.squares = new double[supportCount];
        this.columns = new double[p][supportCount];
        for (int v = 0; v < supportCount; v++) {
            squares[v] = Kernel.dot(this.supportVectors, v * p, this.supportVectors, v * p, p);
            for (int j = 0; j < p; j++) {
                columns[j][v] = this.supportVectors[v * p + j];
            }
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(p, supportCount, k));
    }

    static SvmModelBuilder builder(Task task, List<String> features, List<String> classes, SvmParams params,
                                   FeatureScaling scaling, Kernel kernel) {
        return new SvmModelBuilder(task, features, classes, params, scaling, kernel);
    }

    /** Rebuilds a model written by {@link #toJson}. */
    public static SvmModel fromJson(ObjectNode json, BinaryArrays arrays) {
        ModelState state = ModelState.read(json, arrays, TYPE);
        SvmParams params = SvmParams.fromMap(state.params());
        double[] gamma = state.doubles("gamma_value");
        Checks.checkArgument(gamma.length == 1, "gamma_value: expected one number, got %s", gamma.length);
        Kernel kernel = new Kernel(params.kernelKind(), gamma[0], params.degree(), params.coef0());
        return new SvmModel(state.task(), state.features(), state.classes(), params,
                FeatureScaling.of(state.doubles("shifts"), state.doubles("scales")), kernel, state.doubles("support_vectors"),
                state.ints("pair_starts"), state.ints("pair_support"), state.doubles("pair_coefficients"),
                state.doubles("rho"), state.doubles("platt_a"), state.doubles("platt_b"));
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode json = ModelState.header(this, params.toMap());
        json.put("gamma_value", arrays.putDoubles(new double[] {kernel.gamma()}));
        json.put("shifts", arrays.putDoubles(scaling.shifts()));
        json.put("scales", arrays.putDoubles(scaling.scales()));
        json.put("support_vectors", arrays.putDoubles(supportVectors));
        json.put("pair_starts", arrays.putInts(pairStarts));
        json.put("pair_support", arrays.putInts(pairSupport));
        json.put("pair_coefficients", arrays.putDoubles(pairCoefficients));
        json.put("rho", arrays.putDoubles(rho));
        json.put("platt_a", arrays.putDoubles(plattA));
        json.put("platt_b", arrays.putDoubles(plattB));
        return json;
    }

    @Override
    public Predictions predict(Frame frame) {
        return RowByRow.predict(this, frame);
    }

    @Override
    public void predictRow(double[] x, double[] out) {
        int p = features.size();
        int k = classes.size();
        if (x.length != p || out.length < Math.max(1, k)) {
            throw new IllegalArgumentException("predictRow: expected " + p + " features and room for " + Math.max(1, k) + " outputs");
        }
        Scratch s = scratch.get();
        double[] values = kernelValues(x, s);
        if (!task.isClassification()) {
            out[0] = decision(0, values);
            return;
        }
        if (k == 2) {
            out[0] = pairProbability(0, values);
            out[1] = 1 - out[0];
            return;
        }
        int pair = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double r = pairProbability(pair++, values);
                s.pairwise[a * k + b] = r;
                s.pairwise[b * k + a] = 1 - r;
            }
        }
        s.coupling.couple(s.pairwise, out);
    }

    private double pairProbability(int pair, double[] values) {
        double probability = PlattScaling.probability(decision(pair, values), plattA[pair], plattB[pair]);
        return Math.min(Math.max(probability, MIN_PROBABILITY), 1 - MIN_PROBABILITY);
    }

    private double decision(int pair, double[] values) {
        double sum = 0;
        for (int m = pairStarts[pair]; m < pairStarts[pair + 1]; m++) {
            sum += pairCoefficients[m] * values[pairSupport[m]];
        }
        return sum - rho[pair];
    }

    /** The decision value of pair {@code pair} (the machine, for regression) for the raw features {@code x}. */
    public double decisionValue(double[] x, int pair) {
        Checks.checkArgument(x.length == features.size(), "expected %s features, got %s", features.size(), x.length);
        Checks.checkArgument(pair >= 0 && pair < rho.length, "pair: expected [0, %s), got %s", rho.length, pair);
        return decision(pair, kernelValues(x, scratch.get()));
    }

    /**
     * {@code K(sv_v, x)} for every support vector into the scratch: feature-major multiply-adds over the
     * support vectors (vectorised by the JIT), then the kernel of each dot product.
     */
    private double[] kernelValues(double[] x, Scratch s) {
        scaling.apply(x, s.scaled);
        double[] scaled = s.scaled;
        double[] values = s.kernelValues;
        int count = values.length;
        java.util.Arrays.fill(values, 0);
        for (int j = 0; j < scaled.length; j++) {
            double a = scaled[j];
            double[] column = columns[j];
            for (int v = 0; v < count; v++) {
                values[v] += a * column[v];
            }
        }
        kernel.valuesInPlace(values, squares, Kernel.dot(scaled, 0, scaled, 0, scaled.length), count);
        return values;
    }

    /** The number of support vectors (shared by all pairs). */
    public int supportVectorCount() {
        return squares.length;
    }

    /** The resolved kernel, with its numeric gamma. */
    public Kernel kernel() {
        return kernel;
    }

    /** A copy of the offsets {@code rho}, one per pair. */
    public double[] rho() {
        return rho.clone();
    }

    /** A copy of the support vectors, scaled as the model sees them, row-major. */
    public double[] supportVectors() {
        return supportVectors.clone();
    }

    /** A copy of the dual coefficients of pair {@code pair}, in the order of {@link #pairSupport(int)}. */
    public double[] pairCoefficients(int pair) {
        return java.util.Arrays.copyOfRange(pairCoefficients, pairStarts[pair], pairStarts[pair + 1]);
    }

    /** A copy of the support vector indexes of pair {@code pair}. */
    public int[] pairSupport(int pair) {
        return java.util.Arrays.copyOfRange(pairSupport, pairStarts[pair], pairStarts[pair + 1]);
    }

    public SvmParams params() {
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
