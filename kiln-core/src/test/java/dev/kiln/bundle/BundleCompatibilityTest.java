package dev.kiln.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bundles written by earlier releases keep loading and predicting exactly as they did. Each fixture
 * under {@code src/test/resources/bundles} was written by the Kiln version its manifest names, with
 * the predictions it gave at the time; never regenerate a fixture, add a new one per format version.
 */
class BundleCompatibilityTest {
    private static final Path FIXTURES = Path.of("src/test/resources/bundles");

    @Test
    void formatOneTitanicBundleLoadsAndPredictsAsWhenItWasWritten() throws Exception {
        Bundle bundle = Bundle.read(FIXTURES.resolve("v1-titanic"));
        assertThat(bundle.manifest().formatVersion()).isEqualTo(1);
        assertThat(bundle.manifest().kilnVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(bundle.manifest().classes()).containsExactly("0", "1");

        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : bundle.pipeline().inputSchema().fields()) {
            kinds.put(field.name(), field.kind());
        }
        Frame input = CsvReader.read(FIXTURES.resolve("v1-titanic-input.csv"), CsvOptions.defaults().withKinds(kinds));
        Frame expected = CsvReader.read(FIXTURES.resolve("v1-titanic-expected.csv"), CsvOptions.defaults());
        Predictions predictions = bundle.pipeline().predict(input);
        assertThat(predictions.size()).isEqualTo(20);
        for (int i = 0; i < predictions.size(); i++) {
            assertThat(predictions.label(i)).isEqualTo(expected.column("prediction").format(i));
            assertThat(predictions.probability(i, 0)).isEqualTo(expected.numeric("probability_0").get(i));
            assertThat(predictions.probability(i, 1)).isEqualTo(expected.numeric("probability_1").get(i));
        }
    }
}
