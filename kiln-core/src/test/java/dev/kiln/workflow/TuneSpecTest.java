package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-validation keys of {@code split:} and the search keys of {@code train:}. */
class TuneSpecTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeData() throws IOException {
        Files.writeString(dir.resolve("data.csv"), "x,c,y\n1,a,yes\n2,b,no\n3,a,yes\n");
        Files.writeString(dir.resolve("test.csv"), "x,c,y\n4,a,no\n");
    }

    private Path spec(String split, String train) throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, String.join("\n", "problem: { task: classification, target: y }",
                "data: { source: { csv: data.csv } }", split, train, ""));
        return file;
    }

    private List<SpecProblem> problems(String split, String train) throws IOException {
        Path file = spec(split, train);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(file));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void crossValidationKeysAreRead() throws IOException {
        Spec spec = SpecLoader.load(spec("split: { cv: 5, stratify: true, group: c, repeats: 2, seed: 3 }",
                "train: { learners: [gbm], search: { method: tpe, trials: 40, cv: 4 }, budget: 5m }"));
        assertThat(spec.split()).isEqualTo(new Spec.Split(0.2, 0.2, true, 3, 5, 2, "c", null, null));
        assertThat(spec.train().search()).isEqualTo(new Spec.Search("tpe", 40, 4, true));
        assertThat(spec.train().budget()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.train().tunes()).isTrue();
        assertThat(spec.train().auto()).isFalse();
    }

    @Test
    void learnersAutoSearchesEveryFamily() throws IOException {
        Spec spec = SpecLoader.load(spec("split: { test: 0.2, time: x }", "train: { learners: auto, budget: 90s }"));
        assertThat(spec.train().auto()).isTrue();
        assertThat(spec.train().learners()).isEmpty();
        assertThat(spec.train().budget()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.split().time()).isEqualTo("x");
    }

    @Test
    void aTestFileReplacesTheTestFraction() throws IOException {
        Spec spec = SpecLoader.load(spec("split: { test_file: test.csv, cv: 3 }", "train: { learners: [tree] }"));
        assertThat(spec.split().testFile()).isEqualTo(dir.resolve("test.csv").toAbsolutePath());
        assertThat(spec.split().test()).isZero();
        assertThat(spec.train().tunes()).isFalse();
    }

    @Test
    void badValuesAreReportedWithTheirPathAndLine() throws IOException {
        assertThat(problems("split: { cv: 1, time: when, repeats: 3, group: c, test_file: nope.csv }",
                "train: { learners: [gbm], search: { method: annealing, trials: -2, cv: 99 }, budget: soon }")).containsExactly(
                new SpecProblem("split.cv", 3, "expected an integer in [2, 50] folds, got 1"),
                new SpecProblem("split.time", 3, "time and group cannot be combined: choose one"),
                new SpecProblem("split.repeats", 3, "time-ordered folds cannot be repeated (they are not random)"),
                new SpecProblem("split.test_file", 3, "no such file: " + dir.resolve("nope.csv").toAbsolutePath()),
                new SpecProblem("split.time", 3, "'when' is not a column (columns: x, c, y)"),
                new SpecProblem("train.search.method", 4,
                        "unknown value 'annealing' (known: grid, random, tpe, halving, hyperband, bayesian)"),
                new SpecProblem("train.search.trials", 4, "expected an integer in [1, 100000], got -2"),
                new SpecProblem("train.search.cv", 4, "expected an integer in [2, 50] folds, got 99"),
                new SpecProblem("train.budget", 4, "expected a duration such as 90s, 2m or 1h, got 'soon'"));
    }

    @Test
    void budgetsParseSecondsMinutesAndHours() {
        assertThat(Budget.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Budget.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Budget.parse("45")).isEqualTo(Duration.ofSeconds(45));
    }
}
