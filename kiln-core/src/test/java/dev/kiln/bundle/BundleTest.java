package dev.kiln.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.learn.Learner;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.learn.Model;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.monitor.DriftReference;
import dev.kiln.prep.DropColumns;
import dev.kiln.prep.FittedTransformer;
import dev.kiln.prep.Imputer;
import dev.kiln.prep.OneHotEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
    private static final double NA = Double.NaN;

    @TempDir
    Path dir;

    /** Raw training features: an id (dropped), a numeric and a categorical feature, with missing values. */
    private static Frame features() {
        return Frame.of(
                NumericColumn.of("id", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
                NumericColumn.of("age", new double[] {22, 38, NA, 35, 54, 2, 27, 14, NA, 58, 20, 39}),
                CategoricalColumn.ofLabels("sex", new String[] {"m", "f", "f", "f", "m", "m", null, "f", "m", "f", "m", "m"}));
    }

    private static CategoricalColumn target() {
        return CategoricalColumn.ofLabels("survived", new String[] {"no", "yes", "yes", "yes", "no", "yes", "yes", "yes", "no", "yes", "no", "no"});
    }

    /** Serving rows: an unseen level, missing values, an extra column. */
    private static Frame serving() {
        return Frame.of(
                NumericColumn.of("age", new double[] {30, NA, 80, 1}),
                CategoricalColumn.ofLabels("sex", new String[] {"f", "m", "x", null}),
                NumericColumn.of("extra", new double[] {0, 0, 0, 0}));
    }

    private static Bundle bundle() {
        Frame features = features();
        List<FittedTransformer> steps = new ArrayList<>();
        Frame frame = features;
        for (var step : List.of(new DropColumns(List.of(new DropColumns.Dropped("id", "an identifier"))),
                new Imputer(Imputer.NumericStrategy.MEDIAN), new OneHotEncoder())) {
            FittedTransformer fitted = step.fit(frame);
            frame = fitted.apply(frame);
            steps.add(fitted);
        }
        Learner<?> learner = Learners.create("logistic", Map.of());
        Model model = learner.fit(frame.with(target()), new TrainOptions("survived", Task.BINARY, 7, 1));
        Schema schema = Schema.of(List.of(new Field("id", ColumnKind.NUMERIC, Role.IGNORED),
                new Field("age", ColumnKind.NUMERIC, Role.FEATURE),
                new Field("sex", ColumnKind.CATEGORICAL, Role.FEATURE, List.of("m", "f"))));
        Pipeline pipeline = new Pipeline(schema, steps, model);
        Column predictions = pipeline.predict(features).toFrame().column("prediction");
        DriftReference reference = DriftReference.fit(features.select(pipeline.featureNames()), predictions, 0.1, 0.25);
        Manifest manifest = new Manifest(Bundle.FORMAT_VERSION, KilnVersion.get(), "survival", "binary", "survived",
                List.of("no", "yes"), learner.name(), learner.params(),
                List.of(new Manifest.InputField("id", "numeric", "ignored", List.of(), 1.0, 12.0),
                        new Manifest.InputField("age", "numeric", "feature", null, 2.0, 58.0),
                        new Manifest.InputField("sex", "categorical", "feature", List.of("m", "f"), null, null)),
                Map.of("test.roc_auc", 0.875, "test.accuracy", 0.75),
                new Manifest.Lineage("run-1", "abc123", "def456", 7, "2024-01-02T03:04:05Z", "17", "Linux", "amd64"), Map.of());
        return new Bundle(manifest, pipeline, reference);
    }

    private static void assertBitIdentical(Predictions a, Predictions b) {
        assertThat(b.size()).isEqualTo(a.size());
        assertThat(b.classes()).isEqualTo(a.classes());
        assertThat(b.values()).isEqualTo(a.values());
        for (int c = 0; c < a.classes().size(); c++) {
            double[] expected = a.probabilitiesOf(c);
            double[] actual = b.probabilitiesOf(c);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Double.doubleToRawLongBits(actual[i])).as("row %s class %s", i, c)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void roundTripGivesBitIdenticalPredictions() throws IOException {
        Bundle original = bundle();
        Path target = dir.resolve("model");
        original.write(target);
        Bundle back = Bundle.read(target);
        assertBitIdentical(original.pipeline().predict(features()), back.pipeline().predict(features()));
        assertBitIdentical(original.pipeline().predict(serving()), back.pipeline().predict(serving()));
        assertThat(back.pipeline().inputSchema()).isEqualTo(original.pipeline().inputSchema());
        assertThat(back.pipeline().featureNames()).containsExactly("age", "sex");
        assertThat(back.pipeline().steps()).extracting(FittedTransformer::type).containsExactly("drop_columns", "imputer", "one_hot");
    }

    @Test
    void decisionThresholdIsStoredAndAppliedToTheClasses() throws IOException {
        Bundle plain = bundle();
        Predictions argmax = plain.pipeline().predict(features());
        double threshold = plain.pipeline().predict(features()).probability(0, 1) - 1e-9; // row 0 becomes positive
        Bundle thresholded = new Bundle(plain.manifest(), plain.pipeline().withDecisionThreshold(threshold), plain.reference());
        Path target = dir.resolve("thresholded");
        thresholded.write(target);
        assertThat(Files.readString(target.resolve("pipeline.json"))).contains("\"decision_threshold\"");
        Bundle back = Bundle.read(target);
        assertThat(back.pipeline().decisionThreshold()).isEqualTo(threshold);
        Predictions predicted = back.pipeline().predict(features());
        assertBitIdentical(thresholded.pipeline().predict(features()), predicted);
        for (int i = 0; i < predicted.size(); i++) {
            assertThat(predicted.classIndex(i)).isEqualTo(predicted.probability(i, 1) >= threshold ? 1 : 0);
            assertThat(predicted.probability(i, 1)).isEqualTo(argmax.probability(i, 1));
        }
        Path old = dir.resolve("plain");
        plain.write(old);
        assertThat(Files.readString(old.resolve("pipeline.json"))).doesNotContain("decision_threshold");
        assertThat(Bundle.read(old).pipeline().decisionThreshold()).isNaN();
    }

    @Test
    void roundTripKeepsTheDriftReference() throws IOException {
        Bundle original = bundle();
        Path target = dir.resolve("model");
        original.write(target);
        DriftReference back = Bundle.read(target).reference();
        assertThat(back.warn()).isEqualTo(0.1);
        assertThat(back.alert()).isEqualTo(0.25);
        assertThat(back.features()).hasSameSizeAs(original.reference().features());
        for (int i = 0; i < back.features().size(); i++) {
            var a = original.reference().features().get(i);
            var b = back.features().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.kind()).isEqualTo(a.kind());
            assertThat(b.edges()).isEqualTo(a.edges());
            assertThat(b.levels()).isEqualTo(a.levels());
            assertThat(b.proportions()).isEqualTo(a.proportions());
        }
        assertThat(back.prediction().levels()).isEqualTo(original.reference().prediction().levels());
        assertThat(back.compare(serving())).isEqualTo(original.reference().compare(serving()));
    }

    @Test
    void manifestIsReadBackWithChecksumsOfEveryFile() throws Exception {
        Bundle original = bundle();
        Path target = dir.resolve("model");
        Manifest written = original.write(target);
        Manifest back = Bundle.read(target).manifest();
        assertThat(back).isEqualTo(written);
        assertThat(back.withFiles(Map.of())).isEqualTo(original.manifest());
        assertThat(back.formatVersion()).isEqualTo(1);
        assertThat(back.lineage().seed()).isEqualTo(7);
        assertThat(back.inputSchema().get(1).levels()).isEmpty();

        List<String> onDisk;
        try (Stream<Path> files = Files.walk(target)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> target.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("manifest.json")).sorted().toList();
        }
        assertThat(onDisk).contains("pipeline.json", "reference.json").anyMatch(name -> name.startsWith("arrays/"));
        assertThat(back.files().keySet()).containsExactlyInAnyOrderElementsOf(onDisk);
        for (String name : onDisk) {
            assertThat(back.files().get(name)).as(name).isEqualTo(sha256(target.resolve(name)));
        }
    }

    @Test
    void tamperedSideFileIsRefused() throws IOException {
        Path target = dir.resolve("model");
        bundle().write(target);
        Path side;
        try (Stream<Path> files = Files.list(target.resolve("arrays"))) {
            side = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(side);
        bytes[0] ^= 1;
        Files.write(side, bytes);
        assertThatThrownBy(() -> Bundle.read(target))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("checksum")
                .hasMessageContaining("arrays/" + side.getFileName());
    }

    @Test
    void tamperedPipelineIsRefused() throws IOException {
        Path target = dir.resolve("model");
        bundle().write(target);
        Path pipeline = target.resolve("pipeline.json");
        Files.writeString(pipeline, Files.readString(pipeline) + " ");
        assertThatThrownBy(() -> Bundle.read(target))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("checksum")
                .hasMessageContaining("pipeline.json");
    }

    @Test
    void fileAddedAfterWritingIsRefused() throws IOException {
        Path target = dir.resolve("model");
        bundle().write(target);
        Files.writeString(target.resolve("arrays/9999.f64"), "extra");
        assertThatThrownBy(() -> Bundle.read(target))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("arrays/9999.f64 is not listed in the manifest");
    }

    @Test
    void deletedSideFileIsRefused() throws IOException {
        Path target = dir.resolve("model");
        bundle().write(target);
        Files.delete(target.resolve("reference.json"));
        assertThatThrownBy(() -> Bundle.read(target))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("reference.json listed in the manifest is missing");
    }

    @Test
    void newerFormatVersionIsRefusedNamingIt() throws IOException {
        Path target = dir.resolve("model");
        bundle().write(target);
        Path manifest = target.resolve("manifest.json");
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        String edited = json.replaceFirst("\"format_version\"\\s*:\\s*1", "\"format_version\" : 99");
        assertThat(edited).isNotEqualTo(json);
        Files.writeString(manifest, edited, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Bundle.read(target))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("bundle format 99")
                .hasMessageContaining("(1 to 1)");
    }

    @Test
    void existingDirectoryIsNeverOverwritten() throws IOException {
        Path target = dir.resolve("model");
        bundle().write(target);
        String before = Files.readString(target.resolve("pipeline.json"));
        assertThatThrownBy(() -> bundle().write(target))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(target.resolve("pipeline.json"))).isEqualTo(before);

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> bundle().write(empty)).isInstanceOf(BundleException.class);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model", "empty");
        }
    }

    @Test
    void directoryWithoutManifestIsNotABundle() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> Bundle.read(empty))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("not a model bundle");
        assertThatThrownBy(() -> Bundle.read(dir.resolve("absent")))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("not a model bundle");
    }
}
