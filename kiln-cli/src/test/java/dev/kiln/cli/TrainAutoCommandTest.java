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

/** {@code kiln train --learner auto} and {@code --search}: the leaderboard in JSON, a bundle that evaluates, bad options. */
class TrainAutoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome kiln(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kiln.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path csv(int rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of("x,z,color,y"));
        for (int i = 0; i < rows; i++) {
            double x = (i * 37 % 101) / 10.0;
            double z = (i * 53 % 89) / 10.0;
            String color = i % 3 == 0 ? "red" : i % 3 == 1 ? "blue" : "";
            lines.add(x + "," + z + "," + color + "," + (x + (i % 5) * 0.3 > 5.5 ? "yes" : "no"));
        }
        Path file = work.resolve("data.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void autoPrintsTheLeaderboardAndWritesABundleThatEvaluates() throws Exception {
        Path data = csv(150);
        Outcome train = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "auto", "--trials", "10",
                "--seed", "1", "--threads", "2", "--out", work.resolve("m").toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode json = JSON.readTree(train.out());
        assertThat(json.get("metric").asText()).isEqualTo("roc_auc");
        assertThat(json.get("folds").asInt()).isEqualTo(5);
        JsonNode board = json.get("leaderboard");
        assertThat(board).hasSize(10);
        JsonNode first = board.get(0);
        for (String key : List.of("learner", "params", "score", "std", "fit_s", "predict_us_per_row", "status")) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        assertThat(first.get("score").asDouble()).isGreaterThan(0.8);
        assertThat(board.get(1).get("score").asDouble()).isLessThanOrEqualTo(first.get("score").asDouble());
        assertThat(json.get("members").size()).isGreaterThanOrEqualTo(1);

        Outcome evaluate = kiln("evaluate", work.resolve("m").toString(), "--data", data.toString(), "--json");
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        assertThat(JSON.readTree(evaluate.out()).get("roc_auc").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void aSearchOfOneLearnerTunesItsSpace() throws Exception {
        Path data = csv(120);
        Outcome train = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "tree", "--search", "random",
                "--trials", "6", "--cv", "3", "--metric", "log_loss", "--out", work.resolve("t").toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode json = JSON.readTree(train.out());
        assertThat(json.get("leaderboard")).hasSize(6);
        assertThat(json.get("folds").asInt()).isEqualTo(3);
        assertThat(json.get("chosen").asText()).startsWith("tree");
    }

    @Test
    void badSearchOptionsExitWithTwoAndSayWhy() throws Exception {
        Path data = csv(60);
        Outcome budget = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "auto", "--budget", "soon",
                "--out", work.resolve("a").toString());
        assertThat(budget.code()).isEqualTo(2);
        assertThat(budget.err()).contains("--budget: expected a duration such as 90s, 2m or 1h, got 'soon'");
        Outcome method = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "gbm", "--search", "annealing",
                "--out", work.resolve("b").toString());
        assertThat(method.code()).isEqualTo(2);
        assertThat(method.err()).contains("--search: expected one of grid, random, tpe, halving, hyperband, bayesian");
    }
}
