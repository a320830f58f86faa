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

/** {@code kiln train --learner svm|linear_svm|knn|naive_bayes} then {@code kiln evaluate} on the written bundle. */
class TrainKernelNeighbourBayesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static JsonNode kiln(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kiln.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        return JSON.readTree(out.toString());
    }

    /** {@code a, b, color, y}: the class is whether a point lies inside a circle, the value a smooth function. */
    private Path csv(String name, boolean classes) throws Exception {
        List<String> lines = new ArrayList<>(List.of("a,b,color,y"));
        for (int i = 0; i < 240; i++) {
            double a = (i * 37 % 101) / 25.0 - 2;
            double b = (i * 53 % 97) / 24.0 - 2;
            String color = i % 2 == 0 ? "red" : "blue";
            String y = classes ? (a * a + b * b < 2 ? "in" : "out") : String.valueOf(a * a - b + 0.5);
            lines.add(a + "," + b + "," + color + "," + y);
        }
        Path file = work.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void classifiersTrainAndEvaluateThroughTheCli() throws Exception {
        Path data = csv("circle.csv", true);
        for (String learner : List.of("svm", "linear_svm", "knn", "naive_bayes")) {
            Path out = work.resolve("m-" + learner);
            JsonNode train = kiln("train", "--data", data.toString(), "--target", "y", "--learner", learner,
                    "--threads", "2", "--out", out.toString(), "--json");
            assertThat(train.get("task").asText()).isEqualTo("binary");
            JsonNode metrics = kiln("evaluate", out.toString(), "--data", data.toString(), "--json");
            // a linear boundary cannot draw a circle; Gaussian naive Bayes draws an axis-aligned ellipse-ish one
            double floor = switch (learner) {
                case "linear_svm" -> 0.5;
                case "naive_bayes" -> 0.8;
                default -> 0.9;
            };
            assertThat(metrics.get("accuracy").asDouble()).as(learner).isGreaterThan(floor);
            assertThat(metrics.has("roc_auc")).as(learner).isTrue();
        }
    }

    @Test
    void regressorsTrainAndEvaluateThroughTheCli() throws Exception {
        Path data = csv("smooth.csv", false);
        for (String learner : List.of("svm", "knn")) {
            Path out = work.resolve("r-" + learner);
            JsonNode train = kiln("train", "--data", data.toString(), "--target", "y", "--learner", learner,
                    "--param", learner.equals("svm") ? "c=10" : "k=3", "--out", out.toString(), "--json");
            assertThat(train.get("task").asText()).isEqualTo("regression");
            JsonNode metrics = kiln("evaluate", out.toString(), "--data", data.toString(), "--json");
            assertThat(metrics.get("r2").asDouble()).as(learner).isGreaterThan(0.9);
        }
        JsonNode linear = kiln("train", "--data", data.toString(), "--target", "y", "--learner", "linear_svm",
                "--out", work.resolve("r-linear").toString(), "--json");
        assertThat(linear.get("task").asText()).isEqualTo("regression");
    }
}
