package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTest {
    private static Frame abc() {
        return Frame.of(
                NumericColumn.of("a", new double[] {1, 2, 3}),
                CategoricalColumn.ofLabels("b", new String[] {"x", "y", null}),
                TextColumn.of("c", new String[] {"p", "q", "r"}));
    }

    @Test
    void selectKeepsTheGivenOrder() {
        Frame frame = abc();
        Frame selected = frame.select(List.of("c", "a"));
        assertThat(selected.names()).containsExactly("c", "a");
        assertThat(selected.rowCount()).isEqualTo(3);
        assertThat(selected.column("a")).isSameAs(frame.column("a")); // unchanged columns are shared
    }

    @Test
    void selectOfAbsentColumnNamesIt() {
        assertThatThrownBy(() -> abc().select(List.of("a", "zz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zz'")
                .hasMessageContaining("[a, b, c]");
    }

    @Test
    void dropRemovesNamedColumnsAndIgnoresAbsentOnes() {
        Frame frame = abc();
        Frame dropped = frame.drop(List.of("b", "nope"));
        assertThat(dropped.names()).containsExactly("a", "c");
        assertThat(dropped.rowCount()).isEqualTo(3);
        assertThat(frame.names()).containsExactly("a", "b", "c");
    }

    @Test
    void withAppendsOrReplacesInPlace() {
        Frame frame = abc();
        Frame appended = frame.with(NumericColumn.of("d", new double[] {7, 8, 9}));
        assertThat(appended.names()).containsExactly("a", "b", "c", "d");
        Frame replaced = frame.with(NumericColumn.of("b", new double[] {4, 5, 6}));
        assertThat(replaced.names()).containsExactly("a", "b", "c");
        assertThat(replaced.numeric("b").toArray()).containsExactly(4, 5, 6);
        assertThat(frame.column("b").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(Frame.of().with(NumericColumn.of("z", new double[] {1, 2})).rowCount()).isEqualTo(2);
    }

    @Test
    void withOfWrongLengthNamesTheColumn() {
        assertThatThrownBy(() -> abc().with(NumericColumn.of("short", new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'short' has 1 rows, expected 3");
    }

    @Test
    void takePicksRowsInOrderWithRepeats() {
        Frame taken = abc().take(new int[] {2, 0, 2});
        assertThat(taken.rowCount()).isEqualTo(3);
        assertThat(taken.numeric("a").toArray()).containsExactly(3, 1, 3);
        assertThat(taken.categorical("b").isMissing(0)).isTrue();
        assertThat(taken.categorical("b").label(1)).isEqualTo("x");
        assertThat(((TextColumn) taken.column("c")).get(2)).isEqualTo("r");
        assertThat(abc().take(new int[0]).rowCount()).isZero();
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> Frame.of(NumericColumn.of("a", new double[] {1}), TextColumn.of("a", new String[] {"x"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate column name: 'a'");
    }

    @Test
    void unequalLengthsAreRejectedNamingTheColumn() {
        assertThatThrownBy(() -> Frame.of(NumericColumn.of("a", new double[] {1, 2}), NumericColumn.of("b", new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'b' has 1 rows, expected 2");
    }

    @Test
    void arraysAreCopiedIn() {
        double[] values = {1, 2, 3};
        NumericColumn column = NumericColumn.of("a", values);
        values[0] = 99;
        assertThat(column.get(0)).isEqualTo(1.0);

        int[] codes = {0, 1};
        CategoricalColumn categorical = CategoricalColumn.of("c", codes, List.of("x", "y"));
        codes[0] = 1;
        assertThat(categorical.code(0)).isZero();

        String[] texts = {"p"};
        TextColumn text = TextColumn.of("t", texts);
        texts[0] = "changed";
        assertThat(text.get(0)).isEqualTo("p");

        long[] times = {5L};
        TimestampColumn time = TimestampColumn.of("t", times);
        times[0] = 6L;
        assertThat(time.get(0)).isEqualTo(5L);
    }

    @Test
    void arraysAreCopiedOut() {
        NumericColumn column = NumericColumn.of("a", new double[] {1, 2});
        column.toArray()[0] = 99;
        assertThat(column.get(0)).isEqualTo(1.0);
        CategoricalColumn categorical = CategoricalColumn.ofLabels("c", new String[] {"x"});
        categorical.toCodes()[0] = CategoricalColumn.MISSING;
        assertThat(categorical.code(0)).isZero();
    }

    @Test
    void columnListIsUnmodifiable() {
        Frame frame = abc();
        assertThatThrownBy(() -> frame.columns().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedAccessorsRejectTheWrongKind() {
        assertThatThrownBy(() -> abc().numeric("b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'b' is categorical, expected numeric");
        assertThatThrownBy(() -> abc().categorical("a"))
                .hasMessage("column 'a' is numeric, expected categorical");
    }

    @Test
    void categoricalCodesOutsideTheLevelsAreRejected() {
        assertThatThrownBy(() -> CategoricalColumn.of("c", new int[] {0, 2}, List.of("x", "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'c'")
                .hasMessageContaining("code 2");
    }
}
