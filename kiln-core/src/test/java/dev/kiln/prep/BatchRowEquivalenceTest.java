package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Column;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.InMemoryArrays;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped dataset: a preparation fitted on the data, reloaded from its JSON as a bundle would,
 * gives the same values for the whole frame at once and for each row on its own.
 */
class BatchRowEquivalenceTest {
    static final Path DATASETS = Path.of("src/test/resources/datasets");

    static Stream<Arguments> datasets() {
        return Stream.of(Arguments.of("titanic", "Survived"), Arguments.of("iris", "species"),
                Arguments.of("wine", "cultivar"), Arguments.of("pima_diabetes", "outcome"), Arguments.of("auto_mpg", "mpg"),
                Arguments.of("german_credit", "credit_risk"), Arguments.of("seattle_weather", "weather"),
                Arguments.of("bank_marketing", "y"), Arguments.of("diamonds", "price"),
                Arguments.of("bike_sharing_hourly", "cnt"), Arguments.of("flights", "delay"));
    }

    static Frame read(String name) throws IOException {
        return CsvReader.read(DATASETS.resolve(name + ".csv"), CsvOptions.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void autoPreparationGivesTheSameValuesForABatchAndForEachRow(String name, String target) throws IOException {
        Frame frame = read(name);
        Frame features = frame.drop(List.of(target));
        FittedPreparation fitted = AutoPreparation.plan(features, frame.column(target)).fit(features, frame.column(target));
        assertBatchEqualsRows(features, roundTrip(fitted.steps()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void everyKindOfStepGivesTheSameValuesForABatchAndForEachRow(String name, String target) throws IOException {
        Frame frame = read(name);
        Frame features = frame.drop(List.of(target));
        List<String> numeric = features.columns().stream().filter(c -> c instanceof NumericColumn).map(Column::name).toList();
        List<PreparationPlan.Step> steps = new ArrayList<>();
        steps.add(new PreparationPlan.FitStep(new MissingTokens(Map.of("job", List.of("unknown"), "glucose", List.of("0")))));
        steps.add(new PreparationPlan.FitStep(new DropSparseColumns(0.6)));
        steps.add(new PreparationPlan.FitStep(new DateFeatures(Set.of(DateFeatures.Part.values()))));
        steps.add(new PreparationPlan.FitStep(new TextVectorizer(TextVectorizer.Method.HASHED, 8)));
        if (numeric.size() >= 2) {
            steps.add(new PreparationPlan.FitStep(new DerivedFeatures(Map.of("derived",
                    "log(1 + abs(`" + numeric.get(0) + "`)) / max(`" + numeric.get(1) + "`, 1) ^ 2"))));
            steps.add(new PreparationPlan.FitStep(new Interactions(numeric.subList(0, 2))));
        }
        steps.add(new PreparationPlan.FitStep(new OutlierRule(OutlierRule.Method.Z_SCORE, 3, OutlierRule.Action.FLAG, List.of())));
        steps.add(new PreparationPlan.FitStep(new KnnImputer(3, 300)));
        steps.add(new PreparationPlan.FitStep(new Imputer(Imputer.NumericStrategy.MEAN, 0, "(missing)", true)));
        steps.add(new PreparationPlan.FitStep(new Binner(4, Binner.Method.QUANTILE, List.of())));
        steps.add(new PreparationPlan.FitStep(new PowerTransform(PowerTransform.Method.LOG, List.of())));
        steps.add(new PreparationPlan.FitStep(new Scaler(Scaler.Method.ROBUST)));
        steps.add(new PreparationPlan.SupervisedStep(new TargetEncoder()));
        FittedPreparation fitted = new PreparationPlan(steps, List.of()).fit(features, frame.column(target));
        assertBatchEqualsRows(features, roundTrip(fitted.steps()));
    }

    static List<FittedTransformer> roundTrip(List<FittedTransformer> steps) {
        List<FittedTransformer> out = new ArrayList<>();
        for (FittedTransformer step : steps) {
            InMemoryArrays arrays = new InMemoryArrays();
            ObjectNode json = step.toJson(arrays);
            FittedTransformer reloaded = TransformerReaders.read(json, arrays);
            assertThat(reloaded.toJson(new InMemoryArrays()).toString()).as(step.type()).isEqualTo(json.toString());
            out.add(reloaded);
        }
        return out;
    }

    static Frame apply(List<FittedTransformer> steps, Frame frame) {
        Frame out = frame;
        for (FittedTransformer step : steps) {
            out = step.apply(out);
        }
        return out;
    }

    static void assertBatchEqualsRows(Frame features, List<FittedTransformer> steps) {
        Frame batch = apply(steps, features);
        for (int i = 0; i < features.rowCount(); i++) {
            Frame row = apply(steps, features.take(new int[] {i}));
            assertThat(row.names()).as("columns of row %d", i).isEqualTo(batch.names());
            for (Column column : batch.columns()) {
                Column single = row.column(column.name());
                if (column instanceof NumericColumn n) {
                    double expected = n.get(i);
                    double actual = ((NumericColumn) single).get(0);
                    assertThat(Double.compare(actual, expected)).as("%s row %d: %s vs %s", column.name(), i, actual, expected).isZero();
                } else {
                    assertThat(single.format(0)).as("%s row %d", column.name(), i).isEqualTo(column.format(i));
                }
            }
        }
    }
}
