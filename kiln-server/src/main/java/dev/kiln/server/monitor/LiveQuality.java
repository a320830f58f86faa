package dev.kiln.server.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.Values;
import dev.kiln.eval.Metrics;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.monitor.Ddm;
import dev.kiln.monitor.DriftDetector;
import dev.kiln.monitor.PageHinkley;
import dev.kiln.store.LoggedPrediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live quality from feedback: the task's metrics over labelled logged predictions (as the model answered them),
 * the error rate (wrong classes, or the mean absolute error for regression), and a concept-drift detector run over
 * the errors in the order the predictions were answered (DDM on 0/1 errors, Page–Hinkley on absolute errors).
 * Labels a classifier never saw are counted, not scored. Immutable.
 *
 * @param driftAt index, in the labelled rows, where the detector last said drift; -1 when it did not
 */
public record LiveQuality(int labelled, int unknownLabels, Map<String, Double> metrics, double errorRate, String detector,
                          String detectorState, int driftAt) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LiveQuality {
        metrics = Map.copyOf(metrics);
    }

    /** Whether the detector found concept drift in the window. */
    public boolean conceptDrift() {
        return driftAt >= 0;
    }

    /** The quality of the logged answers of {@code rows} (labelled, oldest first) of a model for {@code task}. */
    public static LiveQuality of(List<LoggedPrediction> rows, Task task, List<String> classes) {
        Scored scored = task.isClassification() ? classified(rows, task, classes, null) : regressed(rows, null);
        return summarise(scored, task);
    }

    /** The metrics {@code bundle} scores when it predicts the logged inputs of the labelled {@code rows} now. */
    public static Map<String, Double> rescore(Bundle bundle, List<LoggedPrediction> rows) {
        Task task = Task.fromLabel(bundle.manifest().task());
        Predictions predictions = bundle.pipeline().predict(WindowFrames.inputs(rows, bundle.pipeline().inputSchema()));
        Scored scored = task.isClassification() ? classified(rows, task, predictions.classes(), predictions)
                : regressed(rows, predictions);
        return scored.count() == 0 ? Map.of() : summarise(scored, task).metrics();
    }

    /** Predictions and truth of the scorable rows, and how many labels were unknown. */
    private record Scored(Predictions predictions, int[] trueClass, double[] truth, double[] errors, int unknown) {
        int count() {
            return errors.length;
        }
    }

    private static LiveQuality summarise(Scored scored, Task task) {
        if (scored.count() == 0) {
            return new LiveQuality(0, scored.unknown(), Map.of(), Double.NaN, detectorName(task), "stable", -1);
        }
        Map<String, Double> metrics = task.isClassification()
                ? Metrics.all(task, scored.predictions(), scored.trueClass()) : Metrics.all(task, scored.predictions(), scored.truth());
        DriftDetector detector = task.isClassification() ? Ddm.defaults() : PageHinkley.defaults();
        DriftDetector.State state = DriftDetector.State.STABLE;
        int driftAt = -1;
        double sum = 0;
        for (int i = 0; i < scored.errors().length; i++) {
            sum += scored.errors()[i];
            state = detector.update(scored.errors()[i]);
            if (state == DriftDetector.State.DRIFT) {
                driftAt = i;
            }
        }
        return new LiveQuality(scored.count(), scored.unknown(), metrics, sum / scored.count(), detectorName(task),
                state.name().toLowerCase(java.util.Locale.ROOT), driftAt);
    }

    private static String detectorName(Task task) {
        return task.isClassification() ? "ddm" : "page_hinkley";
    }

    private static Scored classified(List<LoggedPrediction> rows, Task task, List<String> classes, Predictions fresh) {
        int k = classes.size();
        List<Integer> kept = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (classes.indexOf(rows.get(i).label()) < 0) {
                unknown++;
            } else {
                kept.add(i);
            }
        }
        double[] probabilities = new double[kept.size() * k];
        int[] trueClass = new int[kept.size()];
        double[] errors = new double[kept.size()];
        for (int j = 0; j < kept.size(); j++) {
            LoggedPrediction row = rows.get(kept.get(j));
            trueClass[j] = classes.indexOf(row.label());
            if (fresh != null) {
                for (int c = 0; c < k; c++) {
                    probabilities[j * k + c] = fresh.probability(kept.get(j), c);
                }
            } else {
                JsonNode logged = probabilitiesOf(row);
                for (int c = 0; c < k; c++) {
                    probabilities[j * k + c] = logged.path(classes.get(c)).asDouble(0);
                }
            }
        }
        Predictions predictions = Predictions.ofProbabilities(task, classes, probabilities);
        for (int j = 0; j < errors.length; j++) {
            errors[j] = predictions.classIndex(j) == trueClass[j] ? 0 : 1;
        }
        return new Scored(predictions, trueClass, null, errors, unknown);
    }

    private static Scored regressed(List<LoggedPrediction> rows, Predictions fresh) {
        List<double[]> kept = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < rows.size(); i++) {
            double truth = Values.parseNumber(rows.get(i).label());
            double predicted = fresh != null ? fresh.value(i) : Values.parseNumber(rows.get(i).prediction());
            if (Double.isNaN(truth) || Double.isNaN(predicted)) {
                unknown++;
            } else {
                kept.add(new double[] {predicted, truth});
            }
        }
        double[] values = new double[kept.size()];
        double[] truth = new double[kept.size()];
        double[] errors = new double[kept.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = kept.get(j)[0];
            truth[j] = kept.get(j)[1];
            errors[j] = Math.abs(values[j] - truth[j]);
        }
        return new Scored(Predictions.ofValues(values), null, truth, errors, unknown);
    }

    private static JsonNode probabilitiesOf(LoggedPrediction row) {
        try {
            return MAPPER.readTree(row.outputs()).path("probabilities");
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt logged outputs of " + row.id(), e);
        }
    }
}
