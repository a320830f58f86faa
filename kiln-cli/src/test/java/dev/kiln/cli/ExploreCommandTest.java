package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln explore} writes the HTML report and the JSON, and prints the warnings; run in process. */
class ExploreCommandTest {
    @TempDir
    Path work;

    @Test
    void writesTheReportAndTheJson() throws Exception {
        Path data = Examples.copy("titanic", work).resolve("data/titanic.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kiln.execute(new String[] {"explore", data.toString(), "--target", "Survived", "--sensitive", "Sex",
                "--report", work.resolve("p.html").toString(), "--json", work.resolve("p.json").toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("891 rows x 12 columns").contains("id_like").contains("sensitive_imbalance");
        assertThat(Files.readString(work.resolve("p.html"))).startsWith("<!DOCTYPE html>").contains("echarts");
        JsonNode json = new ObjectMapper().readTree(work.resolve("p.json").toFile());
        assertThat(json.path("profile").path("rows").asInt()).isEqualTo(891);
        assertThat(json.path("warnings").size()).isPositive();
        assertThat(json.path("relationships").path("pearson").size()).isPositive();
    }

    @Test
    void jsonWithoutAFilePrintsASummaryAndAnUnknownTargetIsAnInputError() throws Exception {
        Path data = Examples.copy("titanic", work).resolve("data/titanic.csv");
        StringWriter out = new StringWriter();
        int code = Kiln.execute(new String[] {"explore", data.toString(), "--json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("rows").asInt()).isEqualTo(891);
        StringWriter err = new StringWriter();
        assertThat(Kiln.execute(new String[] {"explore", data.toString(), "--target", "nope"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("no column named 'nope'");
    }
}
