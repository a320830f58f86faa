package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.source.CsvSource;
import dev.kiln.eval.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    private static final String COLUMNS = " (columns: x, c, y)";
    private static final String METRICS = String.join(", ", Metric.labels());

    @TempDir
    Path dir;

    @BeforeEach
    void writeData() throws IOException {
        Files.writeString(dir.resolve("data.csv"), "x,c,y\n1,a,yes\n2,b,no\n3,a,yes\n");
    }

    private Path spec(String yaml) throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<SpecProblem> problems(String yaml) throws IOException {
        Path file = spec(yaml);
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(file));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        return e.problems();
    }

    private static String minimal(String task, String learner) {
        return String.join("\n",
                "problem:",
                "  task: " + task,
                "  target: y",
                "data:",
                "  source: { csv: data.csv }",
                "train:",
                "  learners: [" + learner + "]",
                "");
    }

    @Test
    void validClassificationSpecLoadsWithDefaults() throws Exception {
        String yaml = minimal("classification", "logistic");
        Path file = spec(yaml);
        Spec spec = SpecLoader.load(file);
        assertThat(spec.name()).isEqualTo(dir.getFileName().toString());
        assertThat(spec.problem()).isEqualTo(new Spec.Problem("classification", "y", "roc_auc", null));
        assertThat(spec.data()).isEqualTo(new Spec.Data(CsvSource.of("data.csv"), List.of(), Map.of()));
        assertThat(spec.prepare()).isEqualTo(Spec.Prepare.defaults());
        assertThat(spec.split()).isEqualTo(new Spec.Split(0.2, 0.2, true, 42));
        assertThat(spec.train()).isEqualTo(new Spec.Train(List.of(new Spec.LearnerSpec("logistic", Map.of())), 42));
        assertThat(spec.monitor()).isEqualTo(new Spec.Monitor(0.1, 0.25));
        assertThat(spec.file()).isEqualTo(file);
        assertThat(spec.hash()).isEqualTo(sha256(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validRegressionSpecDefaultsToRmseWithoutStratifying() throws Exception {
        Spec spec = SpecLoader.load(spec(minimal("regression", "linear").replace("target: y", "target: x")));
        assertThat(spec.problem().metric()).isEqualTo("rmse");
        assertThat(spec.split()).isEqualTo(new Spec.Split(0.2, 0.2, false, 42));
    }

    @Test
    void fullSpecIsReadAsWritten() throws Exception {
        Spec spec = SpecLoader.load(spec(String.join("\n",
                "name: churn",
                "problem:",
                "  task: classification",
                "  target: y",
                "  metric: accuracy",
                "  accept: \"accuracy >= 0.75 and roc_auc >= 0.8\"",
                "data:",
                "  source: { csv: data.csv, delimiter: ',' }",
                "  missing: ['?', '-']",
                "  kinds: { x: categorical }",
                "prepare:",
                "  drop: [c]",
                "  impute: { numeric: mean, categorical: most_frequent }",
                "split: { validation: 0.1, test: 0.3, stratify: false, seed: 7 }",
                "train:",
                "  learners:",
                "    - logistic",
                "    - { name: tree, params: { max_depth: 4 } }",
                "  seed: 9",
                "monitor:",
                "  drift: { method: psi, warn: 0.2, alert: 0.3 }",
                "")));
        assertThat(spec.name()).isEqualTo("churn");
        assertThat(spec.problem().metric()).isEqualTo("accuracy");
        assertThat(spec.problem().accept().metrics()).containsExactly("accuracy", "roc_auc");
        assertThat(spec.data().missing()).containsExactly("?", "-");
        assertThat(spec.data().kinds()).isEqualTo(Map.of("x", ColumnKind.CATEGORICAL));
        assertThat(spec.prepare().drop()).containsExactly("c");
        assertThat(spec.prepare().missing().numeric()).isEqualTo("mean");
        assertThat(spec.prepare().missing().categorical()).isEqualTo("most_frequent");
        assertThat(spec.prepare().encode()).isEqualTo(Spec.Encode.defaults());
        assertThat(spec.split()).isEqualTo(new Spec.Split(0.1, 0.3, false, 7));
        assertThat(spec.train()).isEqualTo(new Spec.Train(List.of(new Spec.LearnerSpec("logistic", Map.of()),
                new Spec.LearnerSpec("tree", Map.of("max_depth", "4"))), 9));
        MonitorSettings d = MonitorSettings.defaults();
        assertThat(spec.monitor()).isEqualTo(new Spec.Monitor(0.2, 0.3, new MonitorSettings(dev.kiln.monitor.DriftMethod.PSI,
                d.datasetShare(), d.window(), d.log(), d.key(), d.alerts(), d.retrain())));
    }

    @Test
    void unknownKeyIsReportedAtItsLine() throws IOException {
        assertThat(problems(minimal("classification", "logistic") + "split:\n  seed: 1\n  tset: 0.2\n")).containsExactly(
                new SpecProblem("split.tset", 10, "unknown key 'tset' (known: cv, group, repeats, seed, stratify, test, test_file, time, validation)"));
        assertThat(problems("colour: blue\n" + minimal("classification", "logistic"))).containsExactly(
                new SpecProblem("colour", 1, "unknown key 'colour' (known: data, description, monitor, name, prepare, problem, split, train)"));
    }

    @Test
    void wrongTypesAreReported() throws IOException {
        assertThat(problems(minimal("classification", "logistic") + "split:\n  test: abc\n  stratify: maybe\n")).containsExactly(
                new SpecProblem("split.test", 9, "expected a number, found 'abc'"),
                new SpecProblem("split.stratify", 10, "expected true or false, found 'maybe'"));
        assertThat(problems(minimal("classification", "logistic").replace("learners: [logistic]", "learners: { a: 1 }")))
                .containsExactly(new SpecProblem("train.learners", 7, "expected a list, found a mapping"));
        assertThat(problems(minimal("classification", "logistic") + "split: { test: 2 }\n")).containsExactly(
                new SpecProblem("split.test", 8, "expected a number in [0.01, 0.9], found 2"));
    }

    @Test
    void unknownTaskIsReported() throws IOException {
        assertThat(problems(minimal("ranking", "tree"))).containsExactly(
                new SpecProblem("problem.task", 2, "unknown value 'ranking' (known: classification, regression, clustering, anomaly)"));
    }

    @Test
    void unknownLearnerIsNamedWithItsIndex() throws IOException {
        assertThat(problems(minimal("classification", "logistic, gbn"))).containsExactly(
                new SpecProblem("train.learners[1]", 7, "unknown learner 'gbn' (known: " + String.join(", ", dev.kiln.learn.catalog.Learners.names()) + ")"));
    }

    @Test
    void learnerThatDoesNotFitTheTaskIsReported() throws IOException {
        assertThat(problems(minimal("classification", "linear"))).containsExactly(
                new SpecProblem("train.learners[0]", 7, "learner 'linear' does not support classification"));
    }

    @Test
    void badLearnerParamIsReported() throws IOException {
        String yaml = minimal("classification", "logistic").replace("  learners: [logistic]\n",
                "  learners:\n    - logistic\n    - name: tree\n      params:\n        max_depth: abc\n");
        assertThat(problems(yaml)).containsExactly(
                new SpecProblem("train.learners[1].params", 11, "max_depth: expected an integer >= 1, got 'abc'"));
        String unknownKey = minimal("classification", "{ name: tree, params: { depth: 3 } }");
        assertThat(problems(unknownKey)).containsExactly(new SpecProblem("train.learners[0].params", 7,
                "unknown parameter 'depth' for tree (known: max_depth, min_samples_split, min_samples_leaf)"));
    }

    @Test
    void targetThatIsNotAColumn() throws IOException {
        assertThat(problems(minimal("classification", "tree").replace("target: y", "target: Y"))).containsExactly(
                new SpecProblem("problem.target", 3, "'Y' is not a column of data.csv" + COLUMNS));
    }

    @Test
    void dropOfANonColumnOrOfTheTarget() throws IOException {
        assertThat(problems(minimal("classification", "tree") + "prepare:\n  drop: [x, nope, y]\n")).containsExactly(
                new SpecProblem("prepare.drop", 9, "drop: 'nope' is not a column" + COLUMNS),
                new SpecProblem("prepare.drop", 9, "drop: cannot use the target 'y' in prepare"));
    }

    @Test
    void forcedKindOfANonColumn() throws IOException {
        String yaml = minimal("classification", "tree").replace("  source: { csv: data.csv }\n",
                "  source: { csv: data.csv }\n  kinds: { z: numeric }\n");
        assertThat(problems(yaml)).containsExactly(new SpecProblem("data.kinds", 6, "'z' is not a column" + COLUMNS));
    }

    @Test
    void unknownMetricInAcceptRule() throws IOException {
        String yaml = minimal("classification", "tree").replace("  target: y\n",
                "  target: y\n  accept: \"roc_auc >= 0.8 and bogus < 1\"\n");
        assertThat(problems(yaml)).containsExactly(
                new SpecProblem("problem.accept", 4, "unknown metric 'bogus' in rule (known: " + METRICS
                        + ", dp_difference, eo_difference)"));
    }

    @Test
    void thresholdAndSensitiveColumnsAreRead() throws Exception {
        String yaml = minimal("classification", "tree").replace("  target: y\n",
                "  target: y\n  sensitive: [c]\n  threshold: { costs: { fp: 1, fn: 5 } }\n"
                        + "  accept: \"roc_auc >= 0.8 and dp_difference <= 0.1\"\n");
        Spec.Problem problem = SpecLoader.load(spec(yaml)).problem();
        assertThat(problem.sensitive()).containsExactly("c");
        assertThat(problem.threshold()).isEqualTo(new Spec.Threshold("cost", 1, 5));
        assertThat(problem.accept().metrics()).containsExactly("roc_auc", "dp_difference");
        String f1 = minimal("classification", "tree").replace("  target: y\n", "  target: y\n  threshold: f1\n");
        assertThat(SpecLoader.load(spec(f1)).problem().threshold()).isEqualTo(new Spec.Threshold("f1", 0, 0));
        assertThat(SpecLoader.load(spec(minimal("classification", "tree"))).problem().threshold()).isNull();
    }

    @Test
    void badThresholdsAndSensitiveColumnsAreReportedAtTheirLines() throws IOException {
        String yaml = minimal("classification", "tree").replace("  target: y\n",
                "  target: y\n  sensitive: [sex]\n  threshold: { costs: { fp: -1, fn: 5 } }\n");
        assertThat(problems(yaml)).containsExactly(
                new SpecProblem("problem.sensitive", 4, "sensitive: 'sex' is not a column" + COLUMNS),
                new SpecProblem("problem.threshold.costs.fp", 5, "expected a number in [0, 1.7976931348623157E308], found -1"));
        String word = minimal("classification", "tree").replace("  target: y\n", "  target: y\n  threshold: youden\n");
        assertThat(problems(word)).containsExactly(new SpecProblem("problem.threshold", 4, "unknown value 'youden' (known: f1)"));
        String regression = minimal("regression", "tree").replace("  target: y\n", "  target: x\n  threshold: f1\n");
        assertThat(problems(regression)).containsExactly(
                new SpecProblem("problem.threshold", 4, "threshold needs a classification task"));
        String unfair = minimal("classification", "tree").replace("  target: y\n", "  target: y\n  accept: \"dp_difference < 0.1\"\n");
        assertThat(problems(unfair)).containsExactly(new SpecProblem("problem.accept", 4,
                "'dp_difference' in rule needs a sensitive column (problem.sensitive: [COLUMN])"));
    }

    @Test
    void malformedAcceptRule() throws IOException {
        String yaml = minimal("classification", "tree").replace("  target: y\n", "  target: y\n  accept: roc_auc => 1\n");
        assertThat(problems(yaml)).containsExactly(new SpecProblem("problem.accept", 4,
                "cannot read 'roc_auc => 1', expected METRIC OPERATOR NUMBER such as 'roc_auc >= 0.8'"));
    }

    @Test
    void unknownOrMismatchedMetric() throws IOException {
        String yaml = minimal("classification", "tree").replace("  target: y\n", "  target: y\n  metric: rmse\n");
        assertThat(problems(yaml)).containsExactly(
                new SpecProblem("problem.metric", 4, "metric 'rmse' does not apply to classification"));
        String unknown = minimal("classification", "tree").replace("  target: y\n", "  target: y\n  metric: auc\n");
        assertThat(problems(unknown)).containsExactly(
                new SpecProblem("problem.metric", 4, "unknown metric 'auc' (known: " + METRICS + ")"));
    }

    @Test
    void missingSectionsAreReported() throws IOException {
        assertThat(problems("name: x\n")).containsExactly(
                new SpecProblem("problem", 1, "missing required section 'problem'"),
                new SpecProblem("data", 1, "missing required section 'data'"),
                new SpecProblem("train", 1, "missing required section 'train'"));
    }

    @Test
    void severalProblemsAreReportedAtOnceInLineOrder() throws IOException {
        Path file = spec(String.join("\n",
                "name: bad",                                    // 1
                "problem:",                                     // 2
                "  task: classification",                       // 3
                "  target: zz",                                 // 4
                "  accept: \"roc_auc >= 0.8 and bogus < 1\"",   // 5
                "data:",                                        // 6
                "  source: { csv: data.csv }",                  // 7
                "prepare:",                                     // 8
                "  drop: [x, nope]",                            // 9
                "split:",                                       // 10
                "  test: abc",                                  // 11
                "colour: blue",                                 // 12
                "train:",                                       // 13
                "  learners:",                                  // 14
                "    - logistic",                               // 15
                "    - gbn",                                    // 16
                "    - { name: tree, params: { max_depth: 0 } }", // 17
                ""));
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(file));
        assertThat(e.problems()).containsExactly(
                new SpecProblem("problem.target", 4, "'zz' is not a column of data.csv" + COLUMNS),
                new SpecProblem("problem.accept", 5, "unknown metric 'bogus' in rule (known: " + METRICS + ", dp_difference, eo_difference)"),
                new SpecProblem("prepare.drop", 9, "drop: 'nope' is not a column" + COLUMNS),
                new SpecProblem("split.test", 11, "expected a number, found 'abc'"),
                new SpecProblem("colour", 12, "unknown key 'colour' (known: data, description, monitor, name, prepare, problem, split, train)"),
                new SpecProblem("train.learners[1]", 16, "unknown learner 'gbn' (known: " + String.join(", ", dev.kiln.learn.catalog.Learners.names()) + ")"),
                new SpecProblem("train.learners[2].params", 17, "max_depth: expected an integer >= 1, got '0'"));
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.getMessage().lines().toList()).hasSize(7)
                .startsWith(file + ":4: problem.target: 'zz' is not a column of data.csv" + COLUMNS)
                .endsWith(file + ":17: train.learners[2].params: max_depth: expected an integer >= 1, got '0'");
    }

    @Test
    void invalidYamlReportsALine() throws IOException {
        List<SpecProblem> problems = problems("problem:\n  task: classification\n  target: [y\ndata: {}\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEmpty();
        assertThat(problems.get(0).line()).isBetween(3, 5);
        assertThat(problems.get(0).message()).startsWith("not valid YAML: ");
    }

    @Test
    void tabIndentationIsInvalidYamlAtItsLine() throws IOException {
        List<SpecProblem> problems = problems("problem:\n  task: classification\n\ttarget: y\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("not valid YAML: ");
        });
    }

    @Test
    void emptySpecIsReported() throws IOException {
        assertThat(problems("")).containsExactly(
                new SpecProblem("", 1, "empty spec, expected a mapping with problem, data and train"));
    }

    @Test
    void missingSpecFile() {
        Path absent = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> SpecLoader.load(absent))
                .isInstanceOf(SpecException.class)
                .hasMessage(absent + ": no such file")
                .satisfies(e -> assertThat(((SpecException) e).problems()).containsExactly(new SpecProblem("", 0, "no such file")));
    }

    @Test
    void missingDataFileIsReportedOnTheDataSection() throws IOException {
        Files.delete(dir.resolve("data.csv"));
        List<SpecProblem> problems = problems(minimal("classification", "tree"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("data");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("cannot read the data: ").contains("no such file").contains("data.csv");
        });
    }

    @Test
    void problemFormat() {
        assertThat(new SpecProblem("split.test", 3, "bad").format("p.yaml")).isEqualTo("p.yaml:3: split.test: bad");
        assertThat(new SpecProblem("", 0, "no such file").format("p.yaml")).isEqualTo("p.yaml: no such file");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
