package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.bundle.Bundle;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs whose task has no target: clustering and anomaly detection, end to end. */
class UnsupervisedSpecTest {
    @TempDir
    Path dir;

    private Path spec(String problem, String rest) throws IOException {
        Files.copy(Path.of("src/test/resources/datasets/iris.csv"), dir.resolve("iris.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, "name: u\nproblem: " + problem + "\ndata: { source: { csv: iris.csv } }\n" + rest);
        return file;
    }

    @Test
    void clusteringRunsEndToEnd() throws IOException {
        Spec spec = SpecLoader.load(spec("{ task: clustering, accept: \"silhouette >= 0.3\" }", """
                prepare: { drop: [species], scale: standard, outliers: { method: isolation_forest, action: drop, contamination: 0.02 } }
                train: { learners: [{ name: kmeans, params: { k: auto, k_max: 6 } }, { name: dbscan, params: { eps: 0.7 } }] }
                """));
        assertThat(spec.problem().unsupervisedTask()).isEqualTo(Task.CLUSTERING);
        assertThat(spec.problem().metric()).isEqualTo("silhouette");
        Collected data = WorkflowRunner.collect(spec, n -> { });
        List<String> stages = new ArrayList<>();
        RunResult result = WorkflowRunner.run(spec, data, "run1", dir, (stage, seconds, summary) -> stages.add(stage));
        assertThat(stages).containsExactly("collect", "explore", "split", "prepare", "train", "evaluate", "bundle");
        assertThat(result.task()).isEqualTo("clustering");
        assertThat(result.learners()).hasSize(2);
        assertThat(result.testMetrics()).containsKeys("silhouette", "davies_bouldin", "calinski_harabasz");
        assertThat(result.accepted()).isTrue();
        Bundle bundle = Bundle.read(dir.resolve("bundle"));
        Frame iris = CsvReader.read(dir.resolve("iris.csv"), CsvOptions.defaults());
        Predictions predictions = bundle.pipeline().predict(iris);
        assertThat(predictions.task()).isEqualTo(Task.CLUSTERING);
        assertThat(predictions.size()).isEqualTo(150);
        assertThat(bundle.manifest().target()).isNull();
    }

    @Test
    void anomalyRunsEndToEnd() throws IOException {
        Spec spec = SpecLoader.load(spec("{ task: anomaly }", """
                prepare: { drop: [species] }
                train: { learners: [{ name: isolation_forest, params: { contamination: 0.1 } }] }
                """));
        RunResult result = WorkflowRunner.run(spec, WorkflowRunner.collect(spec, n -> { }), "run2", dir, (s, t, m) -> { });
        assertThat(result.testMetrics().get("anomaly_fraction")).isBetween(0.0, 0.4);
    }

    @Test
    void reportsWhatDoesNotFitTheTask() throws IOException {
        assertThatThrownBy(() -> SpecLoader.load(spec("{ task: clustering, target: species, metric: roc_auc }",
                "train: { learners: [gbm] }\n")))
                .hasMessageContaining("clustering has no target")
                .hasMessageContaining("metric 'roc_auc' does not apply to clustering")
                .hasMessageContaining("learner 'gbm' does not support clustering");
        assertThatThrownBy(() -> SpecLoader.load(spec("{ task: anomaly }",
                "prepare: { outliers: { method: isolation_forest, action: clip } }\ntrain: { learners: [kmeans] }\n")))
                .hasMessageContaining("clip")
                .hasMessageContaining("learner 'kmeans' does not support anomaly");
    }
}
