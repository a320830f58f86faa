package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.InMemoryArrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneHotEncoderTest {
    private static final int NA = CategoricalColumn.MISSING;

    private static Frame train() {
        return Frame.of(
                NumericColumn.of("n", new double[] {1, 2, 3}),
                CategoricalColumn.ofLabels("color", new String[] {"red", "green", "red"}),
                CategoricalColumn.ofBooleans("flag", new int[] {1, 0, NA}));
    }

    @Test
    void oneColumnPerTrainingLevelNamedColumnEqualsLevel() {
        Frame out = new OneHotEncoder().fit(train()).apply(train());
        assertThat(out.names()).containsExactly("n", "color=red", "color=green", "flag");
        assertThat(out.numeric("color=red").toArray()).containsExactly(1, 0, 1);
        assertThat(out.numeric("color=green").toArray()).containsExactly(0, 1, 0);
        assertThat(out.numeric("n").toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void booleanBecomesOneZeroOneColumnWithMissingAsZero() {
        Frame out = new OneHotEncoder().fit(train()).apply(train());
        assertThat(out.numeric("flag").toArray()).containsExactly(1, 0, 0);
    }

    @Test
    void unseenLevelAndMissingEncodeAsAllZeros() {
        FittedTransformer encoder = new OneHotEncoder().fit(train());
        Frame serving = Frame.of(
                NumericColumn.of("n", new double[] {0, 0, 0}),
                CategoricalColumn.ofLabels("color", new String[] {"blue", null, "green"}),
                CategoricalColumn.ofBooleans("flag", new int[] {0, 1, NA}));
        Frame out = encoder.apply(serving);
        assertThat(out.names()).containsExactly("n", "color=red", "color=green", "flag");
        assertThat(out.numeric("color=red").toArray()).containsExactly(0, 0, 0);
        assertThat(out.numeric("color=green").toArray()).containsExactly(0, 0, 1);
        assertThat(out.numeric("flag").toArray()).containsExactly(0, 1, 0);
    }

    @Test
    void levelsUnusedInTrainingGetNoColumn() {
        Frame train = Frame.of(CategoricalColumn.of("c", new int[] {1, 1, 2}, List.of("never", "x", "y")));
        Frame out = new OneHotEncoder().fit(train).apply(train);
        assertThat(out.names()).containsExactly("c=x", "c=y");
    }

    @Test
    void encodesByLabelWhateverTheInputsLevelOrder() {
        FittedTransformer encoder = new OneHotEncoder().fit(train());
        // same labels as train().color (red, green, red), but coded against a dictionary in another order
        Frame reordered = Frame.of(
                NumericColumn.of("n", new double[] {1, 2, 3}),
                CategoricalColumn.of("color", new int[] {2, 0, 2}, List.of("green", "blue", "red")),
                CategoricalColumn.ofBooleans("flag", new int[] {1, 0, NA}));
        assertThat(encoder.apply(reordered)).isEqualTo(encoder.apply(train()));
    }

    @Test
    void encodedColumnOfAnotherKindIsRejectedNamingIt() {
        FittedTransformer encoder = new OneHotEncoder().fit(train());
        Frame wrong = Frame.of(NumericColumn.of("color", new double[] {1}));
        assertThatThrownBy(() -> encoder.apply(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'color' is numeric, expected categorical");
    }

    @Test
    void applyDoesNotChangeItsInput() {
        Frame frame = train();
        new OneHotEncoder().fit(frame).apply(frame);
        assertThat(frame).isEqualTo(train());
    }

    @Test
    void jsonRoundTripGivesIdenticalOutput() {
        FittedOneHotEncoder fitted = new OneHotEncoder().fit(train());
        InMemoryArrays arrays = new InMemoryArrays();
        FittedTransformer back = TransformerReaders.read(fitted.toJson(arrays), arrays);
        assertThat(back).isInstanceOf(FittedOneHotEncoder.class);
        Frame serving = Frame.of(
                NumericColumn.of("n", new double[] {5, 6}),
                CategoricalColumn.ofLabels("color", new String[] {"green", "purple"}),
                CategoricalColumn.ofBooleans("flag", new int[] {1, 1}));
        assertThat(back.apply(serving)).isEqualTo(fitted.apply(serving));
        assertThat(back.apply(train())).isEqualTo(fitted.apply(train()));
    }
}
