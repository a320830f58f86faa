package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression example through the real {@code kiln} command: run, then predict with the registered model. */
class AutoMpgEndToEndTest {
    @TempDir
    Path work;

    @Test
    void regressionExampleRunsAndPredictsByRegistryReference() throws Exception {
        Examples.copy("auto_mpg", work);
        CliProcess.Result run = CliProcess.run(work, "run", "pipeline.yaml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[1/8] collect", "[8/8] register", "acceptance:", "registered: auto_mpg:1");

        CliProcess.Result json = CliProcess.run(work, "run", "pipeline.yaml", "--json");
        JsonNode result = new ObjectMapper().readTree(json.out());
        assertThat(result.get("task").asText()).isEqualTo("regression");
        assertThat(result.get("test_metrics").get("r2").asDouble()).isGreaterThan(0.75);
        assertThat(result.get("test_metrics").get("rmse").asDouble()).isLessThan(4.5);

        CliProcess.Result predict = CliProcess.run(work, "predict", "auto_mpg", "--store", ".kiln", "--data",
                "data/auto_mpg.csv", "--out", "mpg.csv");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.out()).contains("auto_mpg:2");
        Bundle bundle = Bundle.read(Path.of(result.get("bundle").asText()));
        Frame data = CsvReader.read(work.resolve("data/auto_mpg.csv"), CsvOptions.defaults());
        Predictions expected = bundle.pipeline().predict(data);
        Frame written = CsvReader.read(work.resolve("mpg.csv"), CsvOptions.defaults());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(written.numeric("prediction").get(i)).isEqualTo(expected.value(i));
        }
    }
}
