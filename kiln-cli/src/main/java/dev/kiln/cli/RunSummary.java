package dev.kiln.cli;

import dev.kiln.store.ModelVersion;
import dev.kiln.workflow.RunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table that ends {@code kiln run}: learners tried, validation and test metrics, the choice, the verdict, the paths. */
final class RunSummary {
    private final RunResult result;
    private final ModelVersion version;

    private static final java.util.Set<String> HEADLINE = java.util.Set.of("accuracy", "precision", "recall", "f1", "roc_auc",
            "log_loss", "rmse", "mae", "r2");

    RunSummary(RunResult result, ModelVersion version) {
        this.result = result;
        this.version = version;
    }

    void print(PrintWriter out) {
        List<String> metrics = new ArrayList<>(result.testMetrics().keySet());
        // the headline metrics, the selection metric and those of the rule; eval.html and --json have them all
        metrics.removeIf(m -> !HEADLINE.contains(m) && !m.equals(result.metric())
                && (result.acceptRule() == null || !result.acceptRule().contains(m)));
        out.println();
        out.printf("%s (%s): %d rows; train %d, validation %d, test %d%n", result.name(), result.task(), result.rows(),
                result.trainRows(), result.validationRows(), result.testRows());
        StringBuilder header = new StringBuilder(String.format("%-28s %8s", "learner (validation)", "fit s"));
        metrics.forEach(m -> header.append(String.format(" %9s", m)));
        out.println(header);
        for (RunResult.LearnerResult learner : result.learners()) {
            String mark = learner.label().equals(result.chosen()) ? "* " : "  ";
            out.println(row(mark + learner.label(), learner.fitSeconds(), learner.validationMetrics(), metrics));
        }
        out.println(row("  " + result.chosen() + " (test)", Double.NaN, result.testMetrics(), metrics));
        out.println();
        out.printf("chosen:     %s, by %s on validation%n", result.chosen(), result.metric());
        out.printf("acceptance: %s%n", result.acceptRule() == null ? "no rule (accepted)"
                : "\"" + result.acceptRule() + "\" on test -> " + (result.accepted() ? "met" : "NOT met"));
        out.printf("bundle:     %s%n", result.bundle());
        out.printf("profile:    %s%n", result.profile());
        java.nio.file.Path evaluation = result.profile().resolveSibling("eval.html");
        if (java.nio.file.Files.exists(evaluation)) {
            out.printf("evaluation: %s%n", evaluation);
        }
        out.printf("registered: %s (%s)%n", version.ref(), version.accepted() ? "accepted" : "not accepted");
        for (String note : result.notes()) {
            out.printf("note:       %s%n", note);
        }
    }

    private static String row(String label, double seconds, Map<String, Double> values, List<String> metrics) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s %8s", truncate(label),
                Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.3f", seconds)));
        for (String m : metrics) {
            Double v = values.get(m);
            line.append(String.format(Locale.ROOT, " %9s", v == null ? "-" : String.format(Locale.ROOT, "%.4f", v)));
        }
        return line.toString();
    }

    private static String truncate(String label) {
        return label.length() <= 28 ? label : label.substring(0, 27) + "~";
    }
}
