package dev.kiln.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Schema;
import dev.kiln.data.TimestampColumn;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.prep.AutoPreparation;
import dev.kiln.prep.FittedPreparation;
import dev.kiln.prep.RowLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped dataset, automatic preparation and a model: the compiled row path gives bit for bit
 * the prepared features and predictions of the batch path, also for labels the training rows never had.
 */
class RowPipelineTest {
    private static final Path DATASETS = Path.of("src/test/resources/datasets");
    private static final String UNSEEN = "never-seen-label";

    static Stream<Arguments> cases() {
        Object[][] sets = {{"titanic", "Survived", Task.BINARY}, {"iris", "species", Task.MULTICLASS},
            {"wine", "cultivar", Task.MULTICLASS}, {"pima_diabetes", "outcome", Task.BINARY}, {"auto_mpg", "mpg", Task.REGRESSION},
            {"german_credit", "credit_risk", Task.BINARY}, {"seattle_weather", "weather", Task.MULTICLASS},
            {"bank_marketing", "y", Task.BINARY}, {"diamonds", "price", Task.REGRESSION},
            {"bike_sharing_hourly", "cnt", Task.REGRESSION}, {"flights", "delay", Task.REGRESSION}};
        List<Arguments> out = new ArrayList<>();
        for (Object[] set : sets) {
            Task task = (Task) set[2];
            out.add(Arguments.of(set[0], set[1], task, "gbm"));
            out.add(Arguments.of(set[0], set[1], task, task == Task.REGRESSION ? "linear" : "logistic"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("cases")
    void rowPathEqualsBatchPath(String name, String target, Task task, String learner) throws IOException {
        Frame frame = CsvReader.read(DATASETS.resolve(name + ".csv"), CsvOptions.defaults());
        Frame features = frame.drop(List.of(target));
        FittedPreparation fitted = AutoPreparation.plan(features, frame.column(target)).fit(features, frame.column(target));
        Map<String, String> params = learner.equals("gbm") ? Map.of("trees", "8", "max_depth", "4") : Map.of();
        Column y = fitted.trainTarget();
        if (task.isClassification() && y.kind() == ColumnKind.NUMERIC) {
            String[] labels = new String[y.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = y.format(i);
            }
            y = CategoricalColumn.ofLabels(target, labels);
        }
        Model model = Learners.create(learner, params).fit(fitted.trainFeatures().with(y), TrainOptions.of(target, task, 7));
        Pipeline pipeline = new Pipeline(Schema.of(features), fitted.steps(), model);

        Optional<RowPipeline> compiled = RowPipeline.compile(pipeline);
        if (compiled.isEmpty()) {
            assertThat(fitted.steps()).as("only a step without a row form may stop compiling")
                    .anyMatch(step -> step.type().equals("text_vectorizer"));
            return;
        }
        Frame requests = withUnseenLabels(features);
        Frame prepared = pipeline.prepare(requests);
        Predictions batch = pipeline.predict(requests);
        RowPipeline rows = compiled.get();
        RowPipeline.Scratch scratch = rows.newScratch();
        RowLayout layout = rows.preparedLayout();
        int width = Math.max(1, model.classes().size());
        for (int i = 0; i < requests.rowCount(); i++) {
            encode(requests, rows.input(), i, scratch.input());
            double[] out = rows.predict(scratch);
            double[] row = rows.prepared(scratch);
            for (String feature : model.features()) {
                double want = prepared.numeric(feature).get(i);
                double got = row[layout.indexOf(feature)];
                assertThat(Double.compare(got, want)).as("%s row %d: %s vs %s", feature, i, got, want).isZero();
            }
            for (int k = 0; k < width; k++) {
                double want = task.isClassification() ? batch.probability(i, k) : batch.value(i);
                assertThat(Double.compare(out[k], want)).as("row %d output %d: %s vs %s", i, k, out[k], want).isZero();
            }
        }
    }

    /** Every third row's categorical values replaced by a label the training rows never had. */
    private static Frame withUnseenLabels(Frame frame) {
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column.kind() != ColumnKind.CATEGORICAL) {
                out.add(column);
                continue;
            }
            CategoricalColumn c = (CategoricalColumn) column;
            String[] labels = new String[c.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i % 3 == 1 ? UNSEEN : c.isMissing(i) ? null : c.label(i);
            }
            out.add(CategoricalColumn.ofLabels(c.name(), labels));
        }
        return Frame.of(out);
    }

    /** Row {@code row} of {@code frame} laid out as a request decoder would: labels coded by the slot's levels. */
    static void encode(Frame frame, RowLayout layout, int row, double[] out) {
        for (int j = 0; j < layout.size(); j++) {
            RowLayout.Slot slot = layout.slot(j);
            Column column = frame.column(slot.name());
            out[j] = switch (slot.kind()) {
                case NUMERIC -> ((NumericColumn) column).get(row);
                case CATEGORICAL, BOOLEAN -> column.isMissing(row) ? Double.NaN
                        : slot.levels().contains(column.format(row)) ? slot.levels().indexOf(column.format(row)) : RowLayout.UNSEEN;
                case TIMESTAMP -> column.isMissing(row) ? Double.NaN : ((TimestampColumn) column).get(row);
                case TEXT -> Double.NaN;
            };
        }
    }

}
