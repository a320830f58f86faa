package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.InMemoryArrays;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class IsolationOutliersTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.kiln.prep.BatchRowEquivalenceTest#datasets")
    void flagsTheSameForABatchAndForEachRow(String name, String target) throws IOException {
        Frame frame = BatchRowEquivalenceTest.read(name);
        Frame features = frame.drop(List.of(target));
        if (features.rowCount() > 1000) {
            features = features.take(java.util.stream.IntStream.range(0, 1000).toArray());
        }
        List<PreparationPlan.Step> steps = List.of(
                new PreparationPlan.FitStep(new IsolationOutliers(50, 256, 0.05, OutlierRule.Action.FLAG, List.of(), 7)),
                new PreparationPlan.FitStep(new Imputer(Imputer.NumericStrategy.MEDIAN, 0, "(missing)", false)));
        FittedPreparation fitted = new PreparationPlan(steps, List.of()).fit(features, null);
        List<FittedTransformer> reloaded = BatchRowEquivalenceTest.roundTrip(fitted.steps());
        Frame batch = BatchRowEquivalenceTest.apply(reloaded, features);
        assertThat(batch.names()).contains(FittedIsolationOutliers.FLAG_COLUMN);
        double flagged = 0;
        for (double v : batch.numeric(FittedIsolationOutliers.FLAG_COLUMN).toArray()) {
            flagged += v;
        }
        assertThat(flagged / features.rowCount()).isBetween(0.02, 0.08);
        BatchRowEquivalenceTest.assertBatchEqualsRows(features, reloaded);
    }

    private static Frame withOutliers() {
        SplittableRandom random = new SplittableRandom(2);
        int n = 1000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i < 995 ? random.nextDouble() : 50 + i;
            b[i] = i == 3 ? Double.NaN : random.nextDouble();
        }
        return Frame.of(NumericColumn.of("a", a), NumericColumn.of("b", b));
    }

    @Test
    void dropsTrainingRowsOnlyAndIsSeeded() {
        Frame frame = withOutliers();
        var step = new IsolationOutliers(100, 256, 0.005, OutlierRule.Action.DROP, List.of(), 1);
        FittedPreparation fitted = new PreparationPlan(List.of(new PreparationPlan.FitStep(step)), List.of()).fit(frame, null);
        assertThat(fitted.trainFeatures().rowCount()).isEqualTo(995);
        assertThat(fitted.keptRows()).doesNotContain(995, 996, 997, 998, 999);
        assertThat(fitted.notes().get(fitted.notes().size() - 1)).contains("dropped 5 training rows");
        FittedTransformer fittedStep = fitted.steps().get(0);
        assertThat(fittedStep.apply(frame)).isEqualTo(frame);
        String json = fittedStep.toJson(new InMemoryArrays()).toString();
        assertThat(step.fit(frame).toJson(new InMemoryArrays()).toString()).isEqualTo(json);
        var other = new IsolationOutliers(100, 256, 0.005, OutlierRule.Action.DROP, List.of(), 2);
        assertThat(other.fit(frame).toJson(new InMemoryArrays()).toString()).isNotEqualTo(json);
    }

    @Test
    void forestIsTheSameForAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(5);
        double[] rows = new double[3000 * 4];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = random.nextDouble();
        }
        IsolationForest one = IsolationForest.fit(rows, 3000, 4, 64, 256, 9, 1);
        IsolationForest three = IsolationForest.fit(rows, 3000, 4, 64, 256, 9, 3);
        InMemoryArrays a = new InMemoryArrays();
        InMemoryArrays b = new InMemoryArrays();
        var ja = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        var jb = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        one.writeTo(ja, a);
        three.writeTo(jb, b);
        assertThat(jb).isEqualTo(ja);
        for (String field : List.of("roots", "split_feature", "left", "right")) {
            assertThat(b.ints(jb.get(field).asText())).as(field).isEqualTo(a.ints(ja.get(field).asText()));
        }
        assertThat(b.doubles(jb.get("split_value").asText())).isEqualTo(a.doubles(ja.get("split_value").asText()));
        assertThat(one.scores(rows, 3000)).isEqualTo(three.scores(rows, 3000));
    }

    @Test
    void rejectsWhatItCannotDo() {
        assertThatThrownBy(() -> new IsolationOutliers(100, 256, Double.NaN, OutlierRule.Action.CLIP, List.of(), 1))
                .hasMessageContaining("clip");
        assertThatThrownBy(() -> new IsolationOutliers(100, 256, 0.9, OutlierRule.Action.FLAG, List.of(), 1))
                .hasMessageContaining("contamination");
        Frame frame = withOutliers();
        assertThatThrownBy(() -> new IsolationOutliers(10, 256, Double.NaN, OutlierRule.Action.FLAG, List.of("c"), 1).fit(frame))
                .hasMessageContaining("'c'");
        var fitted = new IsolationOutliers(10, 256, Double.NaN, OutlierRule.Action.FLAG, List.of(), 1).fit(frame);
        assertThatThrownBy(() -> fitted.apply(frame.drop(List.of("b")))).hasMessageContaining("'b'");
    }
}
