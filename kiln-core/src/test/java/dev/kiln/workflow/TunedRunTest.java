package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.bundle.Bundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs whose train stage cross-validates: fixed learners compared by CV, a search, and a separate test file. */
class TunedRunTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeData() throws IOException {
        List<String> train = new ArrayList<>(List.of("x,z,color,day,y"));
        List<String> test = new ArrayList<>(List.of("x,z,color,day,y"));
        for (int i = 0; i < 200; i++) {
            double x = (i * 37 % 101) / 10.0;
            double z = (i * 53 % 89) / 10.0;
            String color = i % 3 == 0 ? "red" : i % 3 == 1 ? "blue" : "";
            String line = x + "," + (i % 11 == 0 ? "" : z) + "," + color + "," + i + "," + (x + (i % 5) * 0.3 > 5.5 ? "yes" : "no");
            (i < 160 ? train : test).add(line);
        }
        Files.write(dir.resolve("train.csv"), train);
        Files.write(dir.resolve("test.csv"), test);
    }

    private RunResult run(String split, String trainSection) throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, String.join("\n", "name: tuned", "problem: { task: classification, target: y, metric: roc_auc }",
                "data: { source: { csv: train.csv } }", split, trainSection, ""));
        Spec spec = SpecLoader.load(file);
        Path out = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        return WorkflowRunner.run(spec, WorkflowRunner.collect(spec, n -> { }), "run1", out, (stage, seconds, summary) -> { });
    }

    @Test
    void fixedLearnersAreComparedByCrossValidationWithTheirSpread() throws IOException {
        RunResult result = run("split: { test: 0.2, cv: 4, seed: 3 }", "train: { learners: [logistic, tree], seed: 1 }");
        assertThat(result.learners()).hasSize(2);
        assertThat(result.learners().get(0).validationMetrics()).containsKeys("roc_auc", "roc_auc_std", "accuracy", "accuracy_std");
        assertThat(result.learners().get(0).validationMetrics().get("roc_auc"))
                .isGreaterThanOrEqualTo(result.learners().get(1).validationMetrics().get("roc_auc"));
        assertThat(result.chosen()).isEqualTo(result.learners().get(0).label());
        assertThat(result.trainRows()).isEqualTo(128);
        assertThat(result.testRows()).isEqualTo(32);
        assertThat(result.testMetrics().get("roc_auc")).isGreaterThan(0.8);
        assertThat(Bundle.read(result.bundle()).pipeline().model().type()).isIn("logistic", "tree");
    }

    @Test
    void aSearchAndASeparateTestFile() throws IOException {
        RunResult result = run("split: { test_file: test.csv, validation: 0.0, time: day }",
                "train: { learners: [tree], search: { method: random, trials: 6, cv: 3 }, seed: 1 }");
        assertThat(result.testRows()).isEqualTo(40);
        assertThat(result.trainRows()).isEqualTo(160);
        assertThat(result.learners()).hasSize(6);
        assertThat(result.chosen()).startsWith("tree");
        assertThat(result.notes()).anyMatch(n -> n.contains("40 test rows from"));
    }
}
