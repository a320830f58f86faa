package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.bundle.Bundle;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with {@code problem.threshold} and {@code problem.sensitive}: the threshold is chosen on the validation
 * rows, stored in the bundle and applied to its predictions; the fairness differences reach the test metrics and
 * the acceptance rule; the run writes {@code eval.html}.
 */
class EvaluationStageTest {
    @TempDir
    Path dir;

    @Test
    void thresholdFairnessAndReportGoThroughTheRun() throws Exception {
        Files.copy(Path.of("src/test/resources/datasets/titanic.csv"), dir.resolve("titanic.csv"));
        Path specFile = dir.resolve("pipeline.yaml");
        Files.writeString(specFile, String.join("\n",
                "name: t",
                "problem:",
                "  task: classification",
                "  target: Survived",
                "  sensitive: [Sex]",
                "  threshold: { costs: { fp: 1, fn: 4 } }",
                "  accept: \"roc_auc >= 0.5 and dp_difference <= 1\"",
                "data: { source: { csv: titanic.csv }, kinds: { Pclass: categorical } }",
                "prepare: { drop: [PassengerId, Name, Ticket, Cabin], impute: { numeric: median, categorical: most_frequent }, encode: onehot }",
                "split: { validation: 0.2, test: 0.2, stratify: true, seed: 3 }",
                "train: { learners: [logistic], seed: 3 }", ""));
        Spec spec = SpecLoader.load(specFile);
        List<String> stages = new ArrayList<>();
        Files.createDirectories(dir.resolve("out"));
        RunResult result = WorkflowRunner.run(spec, WorkflowRunner.collect(spec, n -> { }), "run-1", dir.resolve("out"),
                (stage, seconds, summary) -> stages.add(stage + ": " + summary));
        assertThat(result.testMetrics()).containsKeys("dp_difference", "eo_difference", "mcc", "pr_auc");
        assertThat(result.accepted()).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.startsWith("decision threshold ") && n.contains("for cost on the validation rows"));
        assertThat(stages).anyMatch(s -> s.startsWith("evaluate: ") && s.endsWith("-> eval.html"));
        assertThat(dir.resolve("out/eval.html")).content().contains("\"threshold\":{\"rule\":\"cost\"", "\"column\":\"Sex\"");

        Bundle bundle = Bundle.read(result.bundle());
        double threshold = bundle.pipeline().decisionThreshold();
        assertThat(threshold).isBetween(0.0, 0.5); // false negatives cost four times more: a low threshold
        Frame rows = CsvReader.read(dir.resolve("titanic.csv"), CsvOptions.defaults());
        Predictions predictions = bundle.pipeline().predict(rows);
        for (int i = 0; i < predictions.size(); i++) {
            assertThat(predictions.classIndex(i)).isEqualTo(predictions.probability(i, 1) >= threshold ? 1 : 0);
        }
    }
}
