package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln train} and {@code kiln evaluate}, run in process, on a generated file and on the titanic data. */
class TrainEvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private record Outcome(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Outcome kiln(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kiln.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Rows {@code x,color,y} where y grows with x: regression when asked, a learnable class when thresholded. */
    private Path smallCsv(String name, int rows, boolean classes) throws Exception {
        List<String> lines = new ArrayList<>(List.of("x,color,note,y"));
        for (int i = 0; i < rows; i++) {
            double x = (i * 37 % 101) / 10.0;
            String color = i % 3 == 0 ? "red" : i % 3 == 1 ? "blue" : "";
            String y = classes ? (x > 5 ? "yes" : "no") : String.valueOf(2 * x + 1 + (i % 7) * 0.01);
            lines.add(x + "," + color + ",note number " + i + "," + y);
        }
        Path file = work.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void trainsInfersTheTaskAndReportsTimings() throws Exception {
        Path data = smallCsv("small.csv", 200, true);
        Outcome train = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "logistic",
                "--threads", "1", "--out", work.resolve("m").toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode json = train.json();
        assertThat(json.get("task").asText()).isEqualTo("binary");
        assertThat(json.get("rows").asInt()).isEqualTo(200);
        assertThat(json.get("features").asInt()).isEqualTo(3); // x and the one-hot red/blue
        for (String timing : List.of("read_s", "prepare_s", "train_s", "write_s")) {
            assertThat(json.get(timing).asDouble()).as(timing).isGreaterThanOrEqualTo(0);
        }
        assertThat(json.get("notes").toString()).contains("dropped 'note'");
        assertThat(Files.isRegularFile(work.resolve("m/manifest.json"))).isTrue();

        Outcome evaluate = kiln("evaluate", work.resolve("m").toString(), "--data", data.toString(), "--json");
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        JsonNode metrics = evaluate.json();
        assertThat(metrics.get("accuracy").asDouble()).isGreaterThan(0.9);
        for (String key : List.of("precision", "recall", "f1", "roc_auc", "log_loss", "predict_s", "rows_per_s")) {
            assertThat(metrics.has(key)).as(key).isTrue();
        }
    }

    @Test
    void evaluateWritesTheReportAndFairnessOverASensitiveColumn() throws Exception {
        Path data = smallCsv("small.csv", 300, true);
        Outcome train = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "gbm", "--threads", "1",
                "--out", work.resolve("g").toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        Path report = work.resolve("eval.html");
        Outcome evaluate = kiln("evaluate", work.resolve("g").toString(), "--data", data.toString(), "--sensitive", "color",
                "--report", report.toString(), "--train", data.toString(), "--json");
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        JsonNode metrics = evaluate.json();
        for (String key : List.of("accuracy", "roc_auc", "log_loss", "balanced_accuracy", "f1_weighted", "pr_auc", "brier", "mcc",
                "cohen_kappa", "dp_difference", "eo_difference")) {
            assertThat(metrics.has(key)).as(key).isTrue();
        }
        assertThat(metrics.get("dp_difference").asDouble()).isBetween(0.0, 1.0);
        String html = Files.readString(report);
        assertThat(html).contains("\"learning_curve\":{\"metric\":\"roc_auc\"", "\"fairness\":[{\"column\":\"color\"",
                "\"shap_space\":\"log_odds\"", "echarts");
        Outcome unknown = kiln("evaluate", work.resolve("g").toString(), "--data", data.toString(), "--sensitive", "colour");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--sensitive colour: no such column (columns: x, color, note, y)");
    }

    @Test
    void regressionIsInferredForAManyValuedNumericTarget() throws Exception {
        Path data = smallCsv("reg.csv", 150, false);
        Outcome train = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "tree",
                "--param", "max_depth=6", "--out", work.resolve("r").toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.json().get("task").asText()).isEqualTo("regression");
        Outcome evaluate = kiln("evaluate", work.resolve("r").toString(), "--data", data.toString());
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("rmse", "mae", "r2", "rows/s");
    }

    @Test
    void logisticOnTitanicReachesTheAccuracyOfTheExample() throws Exception {
        List<String> lines = Files.readAllLines(Examples.source("titanic").resolve("data/titanic.csv"));
        int cut = 1 + (lines.size() - 1) * 4 / 5;
        Path train = work.resolve("titanic_train.csv");
        Path test = work.resolve("titanic_test.csv");
        Files.write(train, lines.subList(0, cut));
        List<String> holdout = new ArrayList<>(List.of(lines.get(0)));
        holdout.addAll(lines.subList(cut, lines.size()));
        Files.write(test, holdout);
        Outcome trained = kiln("train", "--data", train.toString(), "--target", "Survived", "--task", "binary",
                "--learner", "logistic", "--drop", "PassengerId", "--drop", "Name", "--drop", "Ticket", "--drop", "Cabin",
                "--out", work.resolve("titanic").toString());
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("logistic (binary)");
        Outcome evaluated = kiln("evaluate", work.resolve("titanic").toString(), "--data", test.toString(), "--json");
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.json().get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.75);
        assertThat(evaluated.json().get("rows").asInt()).isEqualTo(holdout.size() - 1);
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws Exception {
        Path data = smallCsv("small.csv", 50, true);
        String out = work.resolve("bad").toString();
        Outcome noTarget = kiln("train", "--data", data.toString(), "--target", "label", "--learner", "logistic", "--out", out);
        assertThat(noTarget.code()).isEqualTo(2);
        assertThat(noTarget.err()).contains("no target column 'label'", "x, color, note, y");

        Outcome unknown = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "gbn", "--out", out);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown learner 'gbn'", "logistic", "tree");

        Outcome badParam = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "tree",
                "--param", "max_depth=deep", "--out", out);
        assertThat(badParam.code()).isEqualTo(2);
        assertThat(badParam.err()).contains("max_depth");

        Outcome unknownParam = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "logistic",
                "--param", "depth=3", "--out", out);
        assertThat(unknownParam.code()).isEqualTo(2);
        assertThat(unknownParam.err()).contains("depth");

        Outcome wrongTask = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "linear", "--out", out);
        assertThat(wrongTask.code()).isEqualTo(2);
        assertThat(wrongTask.err()).contains("learner 'linear' does not support binary");

        Outcome badTask = kiln("train", "--data", data.toString(), "--target", "y", "--task", "ranking",
                "--learner", "tree", "--out", out);
        assertThat(badTask.code()).isEqualTo(2);
        assertThat(badTask.err()).contains("--task", "ranking");
        assertThat(Files.exists(work.resolve("bad"))).isFalse();

        assertThat(kiln("train", "--data", data.toString(), "--target", "y", "--learner", "tree", "--out", out).code()).isZero();
        Path unlabelled = work.resolve("unlabelled.csv");
        Files.writeString(unlabelled, "x,color,note\n1.5,red,n\n");
        Outcome noTruth = kiln("evaluate", out, "--data", unlabelled.toString());
        assertThat(noTruth.code()).isEqualTo(2);
        assertThat(noTruth.err()).contains(unlabelled.toString(), "no target column 'y'");
    }

    @Test
    void theRealCommandTrainsAndEvaluatesInAChildProcess() throws Exception {
        Path data = smallCsv("small.csv", 120, true);
        CliProcess.Result train = CliProcess.run(work, "train", "--data", "small.csv", "--target", "y", "--learner", "tree",
                "--seed", "3", "--out", "model", "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(JSON.readTree(train.out()).get("train_s").asDouble()).isGreaterThanOrEqualTo(0);
        CliProcess.Result evaluate = CliProcess.run(work, "evaluate", "model", "--data", data.getFileName().toString(), "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(JSON.readTree(evaluate.out()).get("accuracy").asDouble()).isGreaterThan(0.9);
        CliProcess.Result missing = CliProcess.run(work, "evaluate", "model", "--data", "nope.csv");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv");
    }
}
