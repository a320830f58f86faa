package dev.kiln.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorerTest {
    private static Frame read(String name) throws IOException {
        return CsvReader.read(Path.of("src/test/resources/datasets", name + ".csv"), CsvOptions.defaults());
    }

    private static List<String> flagged(Exploration e, String code) {
        return e.warnings().stream().filter(w -> w.code().equals(code)).map(Warning::column).distinct().toList();
    }

    @Test
    void flagsDurationAsLeakingTheBankMarketingTarget() throws IOException {
        Exploration e = Explorer.explore(read("bank_marketing"), "y", null);
        assertThat(flagged(e, "target_leakage")).containsExactly("duration");
        assertThat(flagged(e, "class_imbalance")).containsExactly("y");
        assertThat(e.warnings().get(0).code()).isEqualTo("target_leakage");
        assertThat(e.warnings().get(0).evidence()).containsKeys("roc_auc", "pure_coverage", "pure_accuracy");
    }

    @Test
    void flagsCasualAndRegisteredAsLeakingTheBikeCount() throws IOException {
        Exploration e = Explorer.explore(read("bike_sharing_hourly"), "cnt", null);
        assertThat(flagged(e, "target_leakage")).contains("casual", "registered");
        assertThat(flagged(e, "id_like")).contains("instant");
    }

    @Test
    void warnsAboutIdsMissingValuesAndASensitiveColumn() throws IOException {
        Exploration e = Explorer.explore(read("titanic"), "Survived", "Sex");
        assertThat(flagged(e, "id_like")).contains("PassengerId", "Name");
        assertThat(flagged(e, "high_missing")).containsExactly("Cabin");
        assertThat(flagged(e, "skewed")).contains("Fare");
        assertThat(flagged(e, "sensitive_imbalance")).containsExactly("Sex");
        assertThat(flagged(e, "target_leakage")).isEmpty();
        assertThat(e.histograms().get("Age").counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(714);
    }

    @Test
    void correlationsMatchPandas() throws IOException {
        Relationships r = Explorer.explore(read("iris"), "species", null).relationships();
        int a = r.numericColumns().indexOf("sepal_length");
        int b = r.numericColumns().indexOf("petal_length");
        // pandas: df.corr() 0.871754, df.corr("spearman") 0.881898
        assertThat(r.pearson().get(a).get(b)).isCloseTo(0.8717537758865832, within(1e-12));
        assertThat(r.spearman().get(a).get(b)).isCloseTo(0.8818981264349859, within(1e-12));
        Relationships.CorrelationRatio eta = r.correlationRatios().stream()
                .filter(c -> c.numeric().equals("petal_length") && c.categorical().equals("species")).findFirst().orElseThrow();
        assertThat(eta.value()).isGreaterThan(0.9);
    }

    @Test
    void cramersVOfIndependentAndIdenticalColumns() {
        int[] x = {0, 0, 1, 1, 0, 0, 1, 1};
        int[] y = {0, 1, 0, 1, 0, 1, 0, 1};
        assertThat(Association.cramersV(x, 2, y, 2)).isEqualTo(0.0);
        assertThat(Association.cramersV(x, 2, x, 2)).isEqualTo(1.0);
        Frame frame = Frame.of(CategoricalColumn.ofLabels("a", new String[] {"p", "p", "q", "q"}),
                CategoricalColumn.ofLabels("b", new String[] {"u", "u", "v", "v"}));
        assertThat(Explorer.explore(frame, null, null).relationships().cramersV().get(0).get(1)).isEqualTo(1.0);
    }

    @Test
    void countsDuplicateRows() throws IOException {
        Frame frame = read("iris");
        assertThat(Explorer.explore(frame, null, null).duplicateRows()).isEqualTo(1);
    }
}
