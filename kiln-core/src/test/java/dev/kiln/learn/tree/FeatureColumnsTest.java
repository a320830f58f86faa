package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.gbm.GbmLearner;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureColumnsTest {

    @Test
    void handsOutCopiesAndKeepsMissingValues() {
        double[] values = {1, Double.NaN, 3};
        Frame frame = Frame.of(NumericColumn.of("a", values), NumericColumn.of("b", new double[] {4, 5, 6}));
        FeatureColumns columns = FeatureColumns.of(frame, List.of("b", "a"));
        assertThat(columns.count()).isEqualTo(2);
        assertThat(columns.rows()).isEqualTo(3);
        assertThat(columns.column(1)).containsExactly(1, Double.NaN, 3);
        columns.column(1)[0] = 99;
        assertThat(frame.numeric("a").get(0)).isEqualTo(1);
    }

    @Test
    void copiesIntoAReusedBufferAndStillChecksTheValues() {
        Frame frame = Frame.of(NumericColumn.of("a", new double[] {1, Double.NaN, 3}),
                NumericColumn.of("b", new double[] {4, Double.NEGATIVE_INFINITY, 6}));
        FeatureColumns columns = FeatureColumns.of(frame, List.of("a", "b"));
        double[] buffer = new double[3];
        assertThat(columns.column(0, buffer)).isSameAs(buffer).containsExactly(1, Double.NaN, 3);
        buffer[0] = 99;
        assertThat(frame.numeric("a").get(0)).isEqualTo(1);
        assertThatThrownBy(() -> columns.column(1, buffer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature column 'b'");
        assertThatThrownBy(() -> columns.column(0, new double[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buffer: expected 3 values, got 2");
        double[][] arrays = {{7, 8, 9}};
        assertThat(FeatureColumns.of(arrays, List.of("x")).column(0, buffer)).isSameAs(arrays[0]);
    }

    @Test
    void refusesInfiniteValuesAndNonNumericColumnsByName() {
        Frame frame = Frame.of(NumericColumn.of("a", new double[] {1, Double.POSITIVE_INFINITY}),
                CategoricalColumn.of("c", new int[] {0, 1}, List.of("x", "y")), NumericColumn.of("y", new double[] {1, 2}));
        assertThatThrownBy(() -> FeatureColumns.of(frame, List.of("a")).column(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature column 'a' has a missing or non-finite value (Infinity) at row 1; impute before training");
        assertThatThrownBy(() -> FeatureColumns.of(frame, List.of("c"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature column 'c' is categorical, expected numeric");
        assertThatThrownBy(() -> new GbmLearner().fit(frame.drop(List.of("c")), new TrainOptions("y", Task.REGRESSION, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature column 'a'");
        assertThatThrownBy(() -> new GbmLearner().fit(frame, new TrainOptions("z", Task.REGRESSION, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("target column 'z' is not in the frame");
    }
}
