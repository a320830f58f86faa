package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareSpecTest {
    @TempDir
    Path dir;

    private Path spec(String prepare) throws IOException {
        Files.copy(Path.of("src/test/resources/datasets/titanic.csv"), dir.resolve("titanic.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, """
                name: t
                problem: { task: classification, target: Survived }
                data: { source: { csv: titanic.csv } }
                """ + prepare + """
                train: { learners: [logistic] }
                """);
        return file;
    }

    @Test
    void readsEveryPartOfThePrepareSection() throws IOException {
        Spec spec = SpecLoader.load(spec("""
                prepare:
                  drop: [PassengerId, Ticket]
                  missing: { strategy: knn, neighbours: 3, indicators: true, drop_columns: 0.7, tokens: { Embarked: ["?"] } }
                  duplicates: { keys: [Name], keep: last }
                  outliers: { method: zscore, action: flag }
                  scale: robust
                  transform: { method: yeo_johnson, columns: [Fare] }
                  encode: { method: onehot, max_levels: 5, min_frequency: 0.02 }
                  text: { method: tfidf, size: 10 }
                  features: [{ name: fare_per_person, expr: "Fare / (SibSp + Parch + 1)" }, { name: lf, expr: "log(1 + fare_per_person)" }]
                  interactions: [Age, fare_per_person]
                  bins: { bins: 4, columns: [Age] }
                  select: { variance: 0.0, correlation: 0.95, mutual_information: 15 }
                """));
        Spec.Prepare p = spec.prepare();
        assertThat(p.missing().numeric()).isEqualTo("knn");
        assertThat(p.missing().tokens()).containsEntry("Embarked", List.of("?"));
        assertThat(p.duplicates().keep()).isEqualTo("last");
        assertThat(p.encode().maxLevels()).isEqualTo(5);
        assertThat(p.features()).containsKeys("fare_per_person", "lf");
        assertThat(p.select().mutualInformation()).isEqualTo(15);

        Frame frame = CsvReader.read(dir.resolve("titanic.csv"), CsvOptions.defaults());
        Frame features = frame.drop(List.of("Survived"));
        Preparation prep = Preparation.fit(features, frame.column("Survived"), p, 7);
        assertThat(prep.train().columnCount()).isEqualTo(16);
        assertThat(prep.notes()).anyMatch(n -> n.contains("duplicate training rows"));
        assertThat(prep.isDropped("PassengerId")).isTrue();
    }

    @Test
    void selectsFeaturesByModelImportance() throws IOException {
        Spec spec = SpecLoader.load(spec("""
                prepare:
                  drop: [PassengerId, Name, Ticket, Cabin]
                  select: { importance: 3 }
                """));
        assertThat(spec.prepare().select().importance()).isEqualTo(3.0);
        Frame frame = CsvReader.read(dir.resolve("titanic.csv"), CsvOptions.defaults());
        Preparation prep = Preparation.fit(frame.drop(List.of("Survived")), frame.column("Survived"), spec.prepare(), 7);
        assertThat(prep.train().names()).hasSize(4).contains("Survived", "Sex=male"); // three features and the target
        Preparation again = Preparation.fit(frame.drop(List.of("Survived")), frame.column("Survived"), spec.prepare(), 7);
        assertThat(again.train().names()).isEqualTo(prep.train().names());
        assertThatThrownBy(() -> SpecLoader.load(spec("prepare:\n  select: { importance: 2.5 }\n")))
                .hasMessageContaining("select.importance").hasMessageContaining("expected the number of features to keep");
    }

    @Test
    void autoRecordsItsChoices() throws IOException {
        Spec spec = SpecLoader.load(spec("prepare: auto\n"));
        assertThat(spec.prepare().auto()).isTrue();
        Frame frame = CsvReader.read(dir.resolve("titanic.csv"), CsvOptions.defaults());
        Preparation prep = Preparation.fit(frame.drop(List.of("Survived")), frame.column("Survived"), spec.prepare(), 7);
        assertThat(prep.notes()).anyMatch(n -> n.startsWith("drop 'PassengerId': id-like"))
                .anyMatch(n -> n.startsWith("'Name': free text -> TF-IDF"));
    }

    @Test
    void reportsEveryMistakeWithItsPathAndLine() throws IOException {
        assertThatThrownBy(() -> SpecLoader.load(spec("""
                prepare:
                  scale: zscore
                  missing: { tokens: { Nope: ["?"] } }
                  features: [{ name: r, expr: "Fare / " }, { name: s, expr: "Missing + 1" }]
                  outliers: { action: explode }
                  bogus: 1
                """))).isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                .extracting(pr -> pr.path() + ":" + pr.line())
                .contains("prepare.scale:5", "prepare.missing.tokens.Nope:6", "prepare.features[0].expr:7",
                        "prepare.features[1].expr:7", "prepare.outliers.action:8", "prepare.bogus:9"));
    }
}
