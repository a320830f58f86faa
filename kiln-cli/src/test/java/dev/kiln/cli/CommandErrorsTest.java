package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes and messages of the {@code kiln} command on help, usage errors and bad input, run in process. */
class CommandErrorsTest {
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

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "explore", "train", "evaluate", "predict", "serve", "drift", "models", "runs",
            "audit", "gc", "collect", "data"})
    void everyCommandHasHelp(String command) {
        Outcome help = kiln(command, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: kiln " + command);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(kiln().code()).isEqualTo(2);
        assertThat(kiln("frobnicate").code()).isEqualTo(2);
        assertThat(kiln("predict", "m").code()).isEqualTo(2);
        assertThat(kiln("predict", "m").err()).contains("--data");
        Outcome noChunk = kiln("predict", "m", "--data", "x.csv", "--out", "y.csv", "--chunk-rows", "0");
        assertThat(noChunk.code()).isEqualTo(2);
        assertThat(noChunk.err()).contains("--chunk-rows must be positive: 0").doesNotContain("Exception");
    }

    @Test
    void invalidSpecListsEveryProblemWithPathAndLine() throws Exception {
        Path spec = Examples.copy("titanic", work).resolve("pipeline.yaml");
        String text = Files.readString(spec).replace("    - logistic\n", "    - logistic\n    - gbn\n").replace("seed: 7\nmonitor", "seed: seven\nmonitor");
        Files.writeString(spec, text);
        Outcome outcome = kiln("validate", spec.toString());
        assertThat(outcome.code()).isEqualTo(2);
        int gbnLine = lineOf(text, "    - gbn");
        assertThat(outcome.err()).contains(spec + ":" + gbnLine + ": train.learners[1]: unknown learner 'gbn' (known: " + String.join(", ", dev.kiln.learn.catalog.Learners.names()) + ")");
        assertThat(outcome.err()).contains("train.seed: expected an integer, found 'seven'");
        assertThat(outcome.err()).contains("2 problem(s)");
        assertThat(kiln("run", spec.toString()).code()).isEqualTo(2);
        assertThat(Files.exists(work.resolve(".kiln"))).as("nothing runs before the spec is valid").isFalse();
    }

    @Test
    void badDataNamesTheFileAndLineWithoutAStackTrace() throws Exception {
        Path spec = Examples.copy("titanic", work).resolve("pipeline.yaml");
        Path csv = work.resolve("data/titanic.csv");
        Files.writeString(csv, Files.readString(csv) + "892,1,3\n");
        Outcome outcome = kiln("run", spec.toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains(csv + ":893: expected 12 fields, found 3").doesNotContain("\tat ");
        Outcome debug = kiln("run", spec.toString(), "--debug");
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void missingFilesAndBundlesAreInputErrors() {
        Outcome noModel = kiln("predict", work.resolve("nope").toString(), "--data", "x.csv", "--out", "y.csv", "--store", work.toString());
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("nope: no such bundle folder");
        Outcome unknownName = kiln("predict", "nope", "--data", "x.csv", "--out", "y.csv", "--store", work.toString());
        assertThat(unknownName.code()).isEqualTo(2);
        assertThat(unknownName.err()).contains("nope").contains("no such model");
        Outcome noSpec = kiln("validate", work.resolve("missing.yaml").toString());
        assertThat(noSpec.code()).isEqualTo(2);
        assertThat(noSpec.err()).contains("missing.yaml").contains("no such file");
    }

    private static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(line);
    }
}
