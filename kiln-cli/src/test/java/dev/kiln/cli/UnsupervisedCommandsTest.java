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

/** {@code kiln train --task clustering|anomaly} (no target), {@code kiln evaluate} and {@code kiln predict} on their bundles. */
class UnsupervisedCommandsTest {
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

    /** Three tight groups of points around (0, 0), (10, 0) and (0, 10), a colour column, and one far point. */
    private Path points() throws Exception {
        List<String> lines = new ArrayList<>(List.of("a,b,colour"));
        for (int i = 0; i < 300; i++) {
            int group = i % 3;
            double a = (group == 1 ? 10 : 0) + Math.sin(i) * 0.5;
            double b = (group == 2 ? 10 : 0) + Math.cos(i * 1.3) * 0.5;
            lines.add(a + "," + b + "," + (i % 2 == 0 ? "red" : "blue"));
        }
        lines.add("60,-60,red");
        Path file = work.resolve("points.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void clustersWithoutATargetAndEvaluatesTheClusters() throws Exception {
        Path data = points();
        Outcome train = kiln("train", "--data", data.toString(), "--task", "clustering", "--learner", "kmeans", "--param", "k=auto",
                "--drop", "colour", "--out", work.resolve("km").toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(JSON.readTree(train.out()).get("task").asText()).isEqualTo("clustering");
        Outcome evaluate = kiln("evaluate", work.resolve("km").toString(), "--data", data.toString(), "--json");
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        JsonNode metrics = JSON.readTree(evaluate.out());
        assertThat(metrics.get("silhouette").asDouble()).isGreaterThan(0.5);
        for (String key : List.of("davies_bouldin", "calinski_harabasz", "clusters", "noise_fraction", "rows_per_s")) {
            assertThat(metrics.has(key)).as(key).isTrue();
        }
        Outcome dbscan = kiln("train", "--data", data.toString(), "--task", "clustering", "--learner", "dbscan", "--param", "eps=1.5",
                "--drop", "colour", "--out", work.resolve("db").toString());
        assertThat(dbscan.code()).as(dbscan.err()).isZero();
        Path out = work.resolve("clusters.csv");
        Outcome predict = kiln("predict", work.resolve("db").toString(), "--data", data.toString(), "--out", out.toString());
        assertThat(predict.code()).as(predict.err()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("prediction");
        assertThat(rows.get(rows.size() - 1)).isEqualTo("-1");
    }

    @Test
    void detectsAnomaliesWithAScoreAndAFlag() throws Exception {
        Path data = points();
        Outcome train = kiln("train", "--data", data.toString(), "--task", "anomaly", "--learner", "isolation_forest",
                "--param", "contamination=0.01", "--out", work.resolve("iso").toString());
        assertThat(train.code()).as(train.err()).isZero();
        Path out = work.resolve("scores.csv");
        assertThat(kiln("predict", work.resolve("iso").toString(), "--data", data.toString(), "--out", out.toString()).code()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("prediction,is_anomaly");
        assertThat(rows.get(rows.size() - 1)).endsWith(",1");
        Outcome evaluate = kiln("evaluate", work.resolve("iso").toString(), "--data", data.toString(), "--json");
        assertThat(JSON.readTree(evaluate.out()).get("anomaly_fraction").asDouble()).isBetween(0.005, 0.02);
    }

    @Test
    void explainsWhatDoesNotFit() throws Exception {
        Path data = points();
        Outcome noTarget = kiln("train", "--data", data.toString(), "--learner", "tree", "--out", work.resolve("x").toString());
        assertThat(noTarget.code()).isEqualTo(2);
        assertThat(noTarget.err()).contains("--target");
        Outcome target = kiln("train", "--data", data.toString(), "--task", "clustering", "--target", "a", "--learner", "kmeans",
                "--out", work.resolve("y").toString());
        assertThat(target.code()).isEqualTo(2);
        assertThat(target.err()).contains("clustering has no target");
        Outcome learner = kiln("train", "--data", data.toString(), "--task", "anomaly", "--learner", "kmeans",
                "--out", work.resolve("z").toString());
        assertThat(learner.code()).isEqualTo(2);
        assertThat(learner.err()).contains("does not support anomaly");
        Outcome task = kiln("train", "--data", data.toString(), "--task", "clusters", "--learner", "kmeans",
                "--out", work.resolve("w").toString());
        assertThat(task.code()).isEqualTo(2);
        assertThat(task.err()).contains("clustering or anomaly");
    }
}
