package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.learn.InMemoryArrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImputerTest {
    private static final double NA = Double.NaN;

    private static FittedImputer fit(Imputer.NumericStrategy strategy, Frame train) {
        return new Imputer(strategy).fit(train);
    }

    private static Frame numeric(double... values) {
        return Frame.of(NumericColumn.of("x", values));
    }

    @Test
    void medianOfOddCount() {
        assertThat(fit(Imputer.NumericStrategy.MEDIAN, numeric(3, NA, 1, 2)).numberFor("x")).isEqualTo(2.0);
        assertThat(fit(Imputer.NumericStrategy.MEDIAN, numeric(10, -5, NA, 7, 100, NA, 8)).numberFor("x")).isEqualTo(8.0);
    }

    @Test
    void medianOfEvenCountIsTheMiddlePairsMean() {
        assertThat(fit(Imputer.NumericStrategy.MEDIAN, numeric(4, 1, NA, 3, 2)).numberFor("x")).isEqualTo(2.5);
        assertThat(fit(Imputer.NumericStrategy.MEDIAN, numeric(-1, 10)).numberFor("x")).isEqualTo(4.5);
    }

    @Test
    void meanIgnoresMissing() {
        assertThat(fit(Imputer.NumericStrategy.MEAN, numeric(1, 2, NA, 6)).numberFor("x")).isEqualTo(3.0);
    }

    @Test
    void allMissingNumericColumnFillsWithZero() {
        FittedImputer imputer = fit(Imputer.NumericStrategy.MEDIAN, numeric(NA, NA));
        assertThat(imputer.numberFor("x")).isZero();
        assertThat(imputer.apply(numeric(NA, 5)).numeric("x").toArray()).containsExactly(0, 5);
        assertThat(fit(Imputer.NumericStrategy.MEAN, numeric(NA)).numberFor("x")).isZero();
    }

    @Test
    void mostFrequentLabelFillsCategoricals() {
        Frame train = Frame.of(CategoricalColumn.ofLabels("c", new String[] {"a", "b", "b", null, "c"}));
        FittedImputer imputer = fit(Imputer.NumericStrategy.MEDIAN, train);
        assertThat(imputer.labelFor("c")).isEqualTo("b");
        CategoricalColumn filled = imputer.apply(train).categorical("c");
        assertThat(filled.label(3)).isEqualTo("b");
        assertThat(filled.missingCount()).isZero();
        assertThat(filled.levels()).containsExactly("a", "b", "c");
    }

    @Test
    void tieGoesToTheFirstLevel() {
        Frame ba = Frame.of(CategoricalColumn.ofLabels("c", new String[] {"b", "a", "a", "b"}));
        assertThat(fit(Imputer.NumericStrategy.MEDIAN, ba).labelFor("c")).isEqualTo("b");
        Frame ab = Frame.of(CategoricalColumn.ofLabels("c", new String[] {"a", "b", "b", "a"}));
        assertThat(fit(Imputer.NumericStrategy.MEDIAN, ab).labelFor("c")).isEqualTo("a");
        // an unused level comes first in the dictionary but never wins
        Frame unused = Frame.of(CategoricalColumn.of("c", new int[] {2, 1}, List.of("z", "x", "y")));
        assertThat(fit(Imputer.NumericStrategy.MEDIAN, unused).labelFor("c")).isEqualTo("x");
    }

    @Test
    void allMissingCategoricalStaysMissing() {
        Frame train = Frame.of(CategoricalColumn.ofLabels("c", new String[] {null, null}));
        FittedImputer imputer = fit(Imputer.NumericStrategy.MEDIAN, train);
        assertThat(imputer.labelFor("c")).isNull();
        assertThat(imputer.apply(train).categorical("c").missingCount()).isEqualTo(2);
    }

    @Test
    void booleanColumnsStayBoolean() {
        Frame train = Frame.of(CategoricalColumn.ofBooleans("b", new int[] {1, 1, 0, CategoricalColumn.MISSING}));
        FittedImputer imputer = fit(Imputer.NumericStrategy.MEDIAN, train);
        assertThat(imputer.labelFor("b")).isEqualTo("true");
        CategoricalColumn filled = imputer.apply(train).categorical("b");
        assertThat(filled.kind()).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(filled.toCodes()).containsExactly(1, 1, 0, 1);
    }

    @Test
    void appliesTrainValuesToOtherData() {
        Frame train = Frame.of(NumericColumn.of("x", new double[] {1, 2, 3}),
                CategoricalColumn.ofLabels("c", new String[] {"red", "red", "blue"}));
        FittedImputer imputer = fit(Imputer.NumericStrategy.MEDIAN, train);
        Frame other = Frame.of(NumericColumn.of("x", new double[] {100, NA, 300, NA}),
                CategoricalColumn.ofLabels("c", new String[] {"green", null, "green", null}));
        Frame filled = imputer.apply(other);
        assertThat(filled.numeric("x").toArray()).containsExactly(100, 2, 300, 2); // train median, not 200
        CategoricalColumn c = filled.categorical("c");
        assertThat(c.label(1)).isEqualTo("red");
        assertThat(c.label(0)).isEqualTo("green");
        assertThat(c.levels()).containsExactly("green", "red"); // the fill label is appended as a level
        assertThat(other.numeric("x").isMissing(1)).isTrue(); // the input is not changed
    }

    @Test
    void unknownAndTextColumnsPassThrough() {
        FittedImputer imputer = fit(Imputer.NumericStrategy.MEDIAN, numeric(1, 2));
        TextColumn text = TextColumn.of("t", new String[] {null, "x"});
        NumericColumn other = NumericColumn.of("y", new double[] {NA, 1});
        Frame out = imputer.apply(Frame.of(text, other));
        assertThat(out.column("t")).isSameAs(text);
        assertThat(out.column("y")).isSameAs(other);
    }

    @Test
    void fitDoesNotChangeTheFrame() {
        Frame train = Frame.of(NumericColumn.of("x", new double[] {1, NA}), CategoricalColumn.ofLabels("c", new String[] {null, "a"}));
        Frame copy = Frame.of(new ArrayList<>(train.columns()));
        fit(Imputer.NumericStrategy.MEAN, train).apply(train);
        assertThat(train).isEqualTo(copy);
        assertThat(train.numeric("x").isMissing(1)).isTrue();
    }

    @Test
    void jsonRoundTripGivesIdenticalOutput() {
        Frame train = Frame.of(NumericColumn.of("x", new double[] {0.1, 0.7, NA, 1.0 / 3}),
                CategoricalColumn.ofLabels("c", new String[] {"a", "b", "b", null}),
                CategoricalColumn.ofBooleans("flag", new int[] {0, CategoricalColumn.MISSING, 0, 1}));
        FittedImputer fitted = fit(Imputer.NumericStrategy.MEAN, train);
        InMemoryArrays arrays = new InMemoryArrays();
        FittedTransformer back = TransformerReaders.read(fitted.toJson(arrays), arrays);
        assertThat(back).isInstanceOf(FittedImputer.class);
        assertThat(back.type()).isEqualTo("imputer");
        assertThat(back.apply(train)).isEqualTo(fitted.apply(train));
        assertThat(((FittedImputer) back).numberFor("x")).isEqualTo((0.1 + 0.7 + 1.0 / 3) / 3);
    }

    @Test
    void strategyLabels() {
        assertThat(Imputer.strategy("median")).isEqualTo(Imputer.NumericStrategy.MEDIAN);
        assertThat(Imputer.strategy("mean")).isEqualTo(Imputer.NumericStrategy.MEAN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Imputer.strategy("mode"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("impute.numeric: expected median or mean, got 'mode'");
    }
}
