package dev.kiln.learn.catalog;

import dev.kiln.learn.Learner;
import dev.kiln.learn.bayes.NaiveBayesLearner;
import dev.kiln.learn.bayes.NaiveBayesParams;
import dev.kiln.learn.SearchSpace;
import dev.kiln.learn.Task;
import dev.kiln.learn.anomaly.IsolationForestLearner;
import dev.kiln.learn.anomaly.IsolationForestParams;
import dev.kiln.learn.cluster.DbscanLearner;
import dev.kiln.learn.cluster.DbscanParams;
import dev.kiln.learn.cluster.KMeansLearner;
import dev.kiln.learn.cluster.KMeansParams;
import dev.kiln.learn.forest.ForestLearner;
import dev.kiln.learn.forest.ForestParams;
import dev.kiln.learn.gbm.GbmLearner;
import dev.kiln.learn.gbm.GbmParams;
import dev.kiln.learn.glm.LinearLearner;
import dev.kiln.learn.glm.LinearParams;
import dev.kiln.learn.glm.LogisticLearner;
import dev.kiln.learn.glm.LogisticParams;
import dev.kiln.learn.neural.MlpLearner;
import dev.kiln.learn.neural.MlpParams;
import dev.kiln.learn.neighbors.KnnLearner;
import dev.kiln.learn.neighbors.KnnParams;
import dev.kiln.learn.svm.LinearSvmLearner;
import dev.kiln.learn.svm.LinearSvmParams;
import dev.kiln.learn.svm.SvmLearner;
import dev.kiln.learn.svm.SvmParams;
import dev.kiln.learn.tree.CartLearner;
import dev.kiln.learn.tree.CartParams;
import java.util.List;
import java.util.Map;

/**
 * The learners Kiln knows by spec name, created from spec strings with an explicit switch (no
 * reflection, no scanning). Stateless.
 */
public final class Learners {
    private static final List<String> NAMES = List.of("dbscan", "extra_trees", "gbm", "isolation_forest", "kmeans", "knn",
            "linear", "linear_svm", "logistic", "mlp", "naive_bayes", "random_forest", "svm", "tree");

    private Learners() {
    }

    /** The learner names, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The learner {@code name} with hyper-parameters parsed from {@code params} (spec keys to spec
     * strings; absent keys take defaults). {@link IllegalArgumentException} for an unknown name, an
     * unknown key or a bad value.
     */
    public static Learner<?> create(String name, Map<String, String> params) {
        return switch (name) {
            case "linear" -> new LinearLearner(LinearParams.fromMap(params));
            case "logistic" -> new LogisticLearner(LogisticParams.fromMap(params));
            case "tree" -> new CartLearner(CartParams.fromMap(params));
            case "gbm" -> new GbmLearner(GbmParams.fromMap(params));
            case "random_forest" -> new ForestLearner(ForestParams.fromMap("random_forest", params));
            case "extra_trees" -> new ForestLearner(ForestParams.fromMap("extra_trees", params));
            case "mlp" -> new MlpLearner(MlpParams.fromMap(params));
            case "kmeans" -> new KMeansLearner(KMeansParams.fromMap(params));
            case "dbscan" -> new DbscanLearner(DbscanParams.fromMap(params));
            case "isolation_forest" -> new IsolationForestLearner(IsolationForestParams.fromMap(params));
            case "svm" -> new SvmLearner(SvmParams.fromMap(params));
            case "linear_svm" -> new LinearSvmLearner(LinearSvmParams.fromMap(params));
            case "knn" -> new KnnLearner(KnnParams.fromMap(params));
            case "naive_bayes" -> new NaiveBayesLearner(NaiveBayesParams.fromMap(params));
            default -> throw unknown(name);
        };
    }

    /** The hyper-parameters a search may vary for learner {@code name}; {@link IllegalArgumentException} for an unknown name. */
    public static SearchSpace space(String name) {
        return switch (name) {
            case "linear" -> LinearParams.space();
            case "logistic" -> LogisticParams.space();
            case "tree" -> CartParams.space();
            case "gbm" -> GbmParams.space();
            case "random_forest", "extra_trees" -> ForestParams.space();
            case "mlp" -> MlpParams.space();
            case "kmeans" -> KMeansParams.space();
            case "dbscan" -> DbscanParams.space();
            case "isolation_forest" -> IsolationForestParams.space();
            case "svm" -> SvmParams.space();
            case "linear_svm" -> LinearSvmParams.space();
            case "knn" -> KnnParams.space();
            case "naive_bayes" -> NaiveBayesParams.space();
            default -> throw unknown(name);
        };
    }

    /** Whether learner {@code name} can learn {@code task}; {@link IllegalArgumentException} for an unknown name. */
    public static boolean supports(String name, Task task) {
        return switch (name) {
            case "linear" -> task == Task.REGRESSION;
            case "logistic" -> task.isClassification();
            case "tree", "gbm", "random_forest", "extra_trees" -> !task.isUnsupervised();
            case "mlp" -> !task.isUnsupervised();
            case "kmeans", "dbscan" -> task == Task.CLUSTERING;
            case "isolation_forest" -> task == Task.ANOMALY;
            case "svm", "linear_svm", "knn" -> !task.isUnsupervised();
            case "naive_bayes" -> task.isClassification();
            default -> throw unknown(name);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException(String.format("unknown learner '%s' (known: %s)", name, String.join(", ", NAMES)));
    }
}
