package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Model;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.UnsupervisedData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a model for an unsupervised task on prepared rows (what the model reads): for
 * clustering those of {@link ClusterMetrics#all}; for anomaly detection {@code anomaly_fraction} (the
 * share of rows flagged) and {@code mean_score}. Also which metrics exist for a task and which way is
 * better. Stateless.
 */
public final class UnsupervisedMetrics {
    /** Clustering metrics that may select a model or appear in an acceptance rule. */
    public static final List<String> CLUSTERING = List.of("silhouette", "davies_bouldin", "calinski_harabasz");
    /** Anomaly-detection metrics that may appear in an acceptance rule. */
    public static final List<String> ANOMALY = List.of("anomaly_fraction", "mean_score");

    private UnsupervisedMetrics() {
    }

    /** The metric names of {@code task} (clustering or anomaly). */
    public static List<String> labels(Task task) {
        Checks.checkArgument(task.isUnsupervised(), "task %s is not unsupervised", task.label());
        return task == Task.CLUSTERING ? CLUSTERING : ANOMALY;
    }

    /** Whether a larger value of metric {@code label} is better (false for Davies–Bouldin). */
    public static boolean higherIsBetter(String label) {
        return !label.equals("davies_bouldin");
    }

    /** Every metric of {@code model} (clustering or anomaly) on the prepared rows {@code prepared}. */
    public static Map<String, Double> all(Model model, Frame prepared) {
        Task task = model.task();
        Checks.checkArgument(task.isUnsupervised(), "unsupervised metrics need a clustering or anomaly model, got %s", task.label());
        Predictions predictions = model.predict(prepared);
        if (task == Task.CLUSTERING) {
            double[] rows = UnsupervisedData.rowMajor(prepared, model.features());
            return ClusterMetrics.all(rows, prepared.rowCount(), model.features().size(), predictions);
        }
        int flagged = 0;
        double sum = 0;
        for (int i = 0; i < predictions.size(); i++) {
            flagged += predictions.isAnomaly(i) ? 1 : 0;
            sum += predictions.value(i);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        int n = Math.max(1, predictions.size());
        out.put("anomaly_fraction", flagged / (double) n);
        out.put("mean_score", sum / n);
        out.put("threshold", predictions.anomalyThreshold());
        return out;
    }
}
