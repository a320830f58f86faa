package dev.kiln.learn.glm;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainingData;
import java.util.Map;

/**
 * Least-squares linear regression with an intercept and an optional ridge penalty ({@link LinearParams}),
 * or the lasso / elastic net at a given or cross-validated penalty by coordinate descent along a
 * regularisation path ({@link ElasticNet}, when {@code alpha} or {@code cv_folds} is set).
 *
 * <p>Least squares and ridge solve the normal equations {@code (ZᵀZ + l2 S⁻²) β = Zᵀ(y - ȳ)} on standardised features
 * {@code Z} (scales {@code S}) by {@link Cholesky}, then maps {@code β} back to the original scale.
 *
 * <p>When that system is singular to working precision (a constant or collinear feature with
 * {@code l2 = 0}), a small ridge, {@code 1e-10 ×} the largest diagonal entry (at least 1) and growing tenfold until
 * the factorisation succeeds, is added to the diagonal: the answer is then nearly the least-squares
 * solution of minimum norm on the standardised scale (collinear features share the weight), and a
 * constant feature gets coefficient 0. Deterministic and single-threaded;
 * cost {@code O(rows × features²)}. The elastic net is deterministic too, its folds run on the
 * option's threads. Immutable; {@link #fit} does not modify the frame.
 */
public final class LinearLearner implements Learner<LinearModel> {
    private static final double FALLBACK_RIDGE = 1e-10;
    private static final int FALLBACK_ATTEMPTS = 12;
    private final LinearParams params;

    public LinearLearner(LinearParams params) {
        this.params = params;
    }

    public LinearLearner() {
        this(LinearParams.defaults());
    }

    @Override
    public String name() {
        return LinearModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public LinearModel fit(Frame train, TrainOptions options) {
        Checks.checkArgument(options.task() == Task.REGRESSION, "linear needs a regression task, got %s",
                options.task().label());
        TrainingData data = TrainingData.of(train, options);
        if (params.elasticNet()) {
            double[][] columns = new double[data.features().columnCount()][];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = data.features().column(j);
            }
            ElasticNet.Solution solution = new ElasticNet(params).fit(columns, data.targets(), options.seed(), options.threads());
            return new LinearModel(data.featureNames(), params, solution.coefficients(), solution.intercept(), solution.alpha());
        }
        Standardization standardization = Standardization.of(data.features());
        double[][] z = standardization.apply(data.features());
        double[] y = data.targets();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        int p = z.length;
        double[] gram = new double[p * p];
        double[] rhs = new double[p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = dot(z[a], z[b]);
                gram[a * p + b] = sum;
                gram[b * p + a] = sum;
            }
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += z[a][i] * (y[i] - mean);
            }
            rhs[a] = sum;
            double scale = standardization.scale(a);
            gram[a * p + a] += params.l2() / (scale * scale);
        }
        double[] beta = solve(gram, rhs, p);
        double[] coefficients = new double[p];
        double intercept = standardization.toOriginalScale(beta, 0, mean, coefficients, 0);
        return new LinearModel(data.featureNames(), params, coefficients, intercept, 0);
    }

    /** Solves the normal equations, adding the fallback ridge when they are singular. */
    private static double[] solve(double[] gram, double[] rhs, int p) {
        Cholesky cholesky = Cholesky.factor(gram, p);
        double maxDiagonal = 0;
        for (int j = 0; j < p; j++) {
            maxDiagonal = Math.max(maxDiagonal, gram[j * p + j]);
        }
        double ridge = FALLBACK_RIDGE * Math.max(maxDiagonal, 1);
        for (int attempt = 0; cholesky == null && attempt < FALLBACK_ATTEMPTS; attempt++) {
            double[] jittered = gram.clone();
            for (int j = 0; j < p; j++) {
                jittered[j * p + j] += ridge;
            }
            cholesky = Cholesky.factor(jittered, p);
            ridge *= 10;
        }
        if (cholesky == null) {
            throw new IllegalStateException("normal equations stayed singular after adding a ridge of " + ridge / 10);
        }
        return cholesky.solve(rhs);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
