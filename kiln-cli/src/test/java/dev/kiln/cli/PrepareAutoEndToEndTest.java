package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Titanic example with {@code prepare: auto} through the real command: the run records its choices,
 * writes the data report, and the bundle (TF-IDF of names, Yeo–Johnson, indicators, one-hot) predicts each
 * row alone exactly as it predicts the whole file.
 */
class PrepareAutoEndToEndTest {
    @TempDir
    Path work;

    @Test
    void autoPreparationRunsBundlesAndServesSingleRowsLikeTheBatch() throws Exception {
        Examples.copy("titanic", work);
        Path spec = work.resolve("pipeline.yaml");
        String text = Files.readString(spec);
        int start = text.indexOf("prepare:");
        int end = text.indexOf("split:");
        Files.writeString(spec, text.substring(0, start) + "prepare: auto\n" + text.substring(end));

        CliProcess.Result run = CliProcess.run(work, "run", "pipeline.yaml", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.toString()).contains("drop 'PassengerId': id-like", "'Name': free text -> TF-IDF");
        Path profile = Path.of(result.get("profile").asText());
        assertThat(profile.resolveSibling("profile.html")).exists();
        assertThat(result.get("test_metrics").get("roc_auc").asDouble()).isGreaterThan(0.8);

        Bundle bundle = Bundle.read(Path.of(result.get("bundle").asText()));
        Frame data = CsvReader.read(work.resolve("data/titanic.csv"), CsvOptions.defaults());
        Predictions batch = bundle.pipeline().predict(data);
        for (int i = 0; i < data.rowCount(); i += 7) {
            Predictions one = bundle.pipeline().predict(data.take(new int[] {i}));
            assertThat(one.probabilitiesOf(1)[0]).as("row %d", i).isEqualTo(batch.probabilitiesOf(1)[i]);
        }
    }
}
