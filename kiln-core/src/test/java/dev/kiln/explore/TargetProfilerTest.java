package dev.kiln.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetProfilerTest {

    private static TargetProfile target(Frame frame, String name) {
        return Profiler.profile(frame, name).target();
    }

    @Test
    void categoricalTargetCountsEveryLevelInLevelOrder() {
        // levels a, b, c; c never occurs but is listed with 0; one missing row
        Frame frame = Frame.of(CategoricalColumn.of("y", new int[] {1, 0, 1, -1, 1}, List.of("a", "b", "c")));
        TargetProfile y = target(frame, "y");
        assertThat(y.kind()).isEqualTo("categorical");
        assertThat(y.classCounts()).containsExactly(entry("a", 1), entry("b", 3), entry("c", 0));
        assertThat(y.missing()).isEqualTo(1);
        assertThat(y.suggestedTask()).isEqualTo("binary"); // two classes seen
        assertThat(y.mean()).isNull();
    }

    @Test
    void multiclassAndSingleClassTargets() {
        Frame frame = Frame.of(
                CategoricalColumn.ofLabels("three", new String[] {"x", "y", "z"}),
                CategoricalColumn.ofLabels("one", new String[] {"x", "x", "x"}));
        assertThat(target(frame, "three").suggestedTask()).isEqualTo("multiclass");
        assertThat(target(frame, "one").suggestedTask()).isNull();
    }

    @Test
    void booleanTarget() {
        Frame frame = Frame.of(CategoricalColumn.ofBooleans("churn", new int[] {0, 0, 1, 0}));
        TargetProfile churn = target(frame, "churn");
        assertThat(churn.kind()).isEqualTo("boolean");
        assertThat(churn.classCounts()).containsExactly(entry("false", 3), entry("true", 1));
        assertThat(churn.suggestedTask()).isEqualTo("binary");
    }

    @Test
    void numericZeroOneTargetGetsClassCountsAndSummary() {
        // 0, 1, 1, 1, missing: mean 0.75; deviations -0.75, 0.25 x3 -> squares 0.75; variance 0.75 / 3 = 0.25
        Frame frame = Frame.of(NumericColumn.of("y", new double[] {0, 1, 1, 1, Double.NaN}));
        TargetProfile y = target(frame, "y");
        assertThat(y.classCounts()).containsExactly(entry("0", 1), entry("1", 3));
        assertThat(y.suggestedTask()).isEqualTo("binary");
        assertThat(y.missing()).isEqualTo(1);
        assertThat(y.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(y.std()).isCloseTo(0.5, within(1e-12));
        assertThat(y.min()).isEqualTo(0.0);
        assertThat(y.max()).isEqualTo(1.0);
    }

    @Test
    void continuousNumericTargetIsRegression() {
        // mean (1.5 + 2.5 + 5) / 3 = 3; deviations -1.5, -0.5, 2 -> squares 6.5; variance 3.25
        Frame frame = Frame.of(NumericColumn.of("price", new double[] {1.5, 2.5, 5}));
        TargetProfile price = target(frame, "price");
        assertThat(price.suggestedTask()).isEqualTo("regression");
        assertThat(price.classCounts()).isNull();
        assertThat(price.mean()).isCloseTo(3.0, within(1e-12));
        assertThat(price.std()).isCloseTo(Math.sqrt(3.25), within(1e-12));
    }

    @Test
    void fewIntegerValuesGetCountsButStayRegression() {
        Frame frame = Frame.of(NumericColumn.of("rating", new double[] {3, 1, 5, 3, 2}));
        TargetProfile rating = target(frame, "rating");
        assertThat(rating.classCounts()).containsExactly(entry("1", 1), entry("2", 1), entry("3", 2), entry("5", 1));
        assertThat(rating.suggestedTask()).isEqualTo("regression");

        double[] many = new double[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        assertThat(target(Frame.of(NumericColumn.of("n", many)), "n").classCounts()).isNull();
    }

    @Test
    void textTargetCountsByLabel() {
        Frame frame = Frame.of(TextColumn.of("species", new String[] {"setosa", "virginica", "setosa", null}));
        TargetProfile species = target(frame, "species");
        assertThat(species.classCounts()).containsExactly(entry("setosa", 2), entry("virginica", 1));
        assertThat(species.missing()).isEqualTo(1);
        assertThat(species.suggestedTask()).isEqualTo("binary");
    }

    @Test
    void timestampTargetHasNoTask() {
        Frame frame = Frame.of(TimestampColumn.of("t", new long[] {0, TimestampColumn.MISSING}));
        TargetProfile t = target(frame, "t");
        assertThat(t.suggestedTask()).isNull();
        assertThat(t.classCounts()).isNull();
        assertThat(t.missing()).isEqualTo(1);
    }
}
