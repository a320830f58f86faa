package dev.kiln.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftReferenceTest {

    private static double[] range(int from, int to) {
        double[] out = new double[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static String[] labels(String label, int count) {
        String[] out = new String[count];
        java.util.Arrays.fill(out, label);
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Frame train() {
        return Frame.of(NumericColumn.of("x", range(0, 100)),
                CategoricalColumn.ofLabels("c", concat(labels("a", 50), labels("b", 50))),
                TextColumn.of("t", labels("text", 100)),
                TimestampColumn.of("when", new long[100]));
    }

    @Test
    void tracksNumericAndCategoricalFeaturesOnly() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        assertThat(reference.features()).extracting(FeatureReference::name).containsExactly("x", "c");
        assertThat(reference.prediction()).isNull();
    }

    @Test
    void numericBinsSplitAtTrainingDeciles() {
        FeatureReference x = DriftReference.fit(train(), null, 0.1, 0.25).features().get(0);
        assertThat(x.kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(x.edges()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
        // ten bins of 10 values each, and an empty missing bin
        assertThat(x.proportions()).containsExactly(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0);
    }

    @Test
    void categoricalBinsAreLevelsThenOtherThenMissing() {
        FeatureReference c = FeatureReference.fit(CategoricalColumn.ofLabels("c", new String[] {"a", "b", "b", null}));
        assertThat(c.levels()).containsExactly("a", "b");
        assertThat(c.proportions()).containsExactly(0.25, 0.5, 0.0, 0.25);
    }

    @Test
    void sameDataGivesZeroPsiAndOk() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        List<DriftReference.FeatureDrift> drift = reference.compare(train());
        assertThat(drift).extracting(DriftReference.FeatureDrift::feature).containsExactly("x", "c");
        for (DriftReference.FeatureDrift d : drift) {
            assertThat(d.psi()).isCloseTo(0.0, within(1e-12));
            assertThat(d.status()).isEqualTo("ok");
        }
    }

    @Test
    void shiftedNumericDataRaisesAnAlert() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        Frame shifted = train().with(NumericColumn.of("x", range(50, 150)));
        DriftReference.FeatureDrift x = reference.compare(shifted).get(0);
        // new bins: five empty (floored at 1e-4), four of 0.1, [90, inf) holds 60 values; missing empty on both sides
        double byHand = 5 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1) + 0.5 * Math.log(0.6 / 0.1);
        assertThat(x.psi()).isCloseTo(byHand, within(1e-9));
        assertThat(x.status()).isEqualTo("alert");
        assertThat(reference.compare(shifted).get(1).status()).isEqualTo("ok");
    }

    @Test
    void moderateShiftIsAWarning() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.3);
        Frame moved = train().with(CategoricalColumn.ofLabels("c", concat(labels("a", 25), labels("b", 75))));
        DriftReference.FeatureDrift c = reference.compare(moved).get(1);
        assertThat(c.psi()).isCloseTo(0.25 * Math.log(3), within(1e-12));
        assertThat(c.status()).isEqualTo("warn");
    }

    @Test
    void missingValuesGoToTheirOwnBin() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        double[] x = range(0, 100);
        for (int i = 0; i < 100; i += 2) {
            x[i] = Double.NaN;
        }
        double psi = reference.compare(train().with(NumericColumn.of("x", x))).get(0).psi();
        // every bin keeps 5 of its 10 values (0.05 each), the missing bin gets 0.5
        double byHand = 10 * (0.05 - 0.1) * Math.log(0.05 / 0.1) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
        assertThat(psi).isCloseTo(byHand, within(1e-9));
    }

    @Test
    void unseenLevelGoesToTheOtherBin() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        Frame unseen = train().with(CategoricalColumn.ofLabels("c", labels("zebra", 100)));
        DriftReference.FeatureDrift c = reference.compare(unseen).get(1);
        // expected [0.5, 0.5, other 0, missing 0] against actual [0, 0, other 1, missing 0]
        double byHand = 2 * (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + (1 - 1e-4) * Math.log(1 / 1e-4);
        assertThat(c.psi()).isCloseTo(byHand, within(1e-9));
        assertThat(c.status()).isEqualTo("alert");
    }

    @Test
    void categoriesAreMatchedByLabelNotCode() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        int[] codes = new int[100];
        for (int i = 0; i < 50; i++) {
            codes[i] = 1; // "a" is code 1 here
        }
        Frame recoded = train().with(CategoricalColumn.of("c", codes, List.of("b", "a")));
        assertThat(reference.compare(recoded).get(1).psi()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void missingColumnIsInvalidData() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        assertThatThrownBy(() -> reference.compare(train().drop(List.of("c"))))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("missing column 'c' needed for drift");
    }

    @Test
    void columnOfAnotherKindIsInvalidData() {
        DriftReference reference = DriftReference.fit(train(), null, 0.1, 0.25);
        Frame wrong = train().with(TextColumn.of("x", labels("1", 100)));
        assertThatThrownBy(() -> reference.compare(wrong))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("column 'x' is text, expected numeric");
        Frame numericC = train().with(NumericColumn.of("c", range(0, 100)));
        assertThatThrownBy(() -> reference.compare(numericC))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("column 'c' is numeric, expected categorical");
    }

    @Test
    void keepsAPredictionReference() {
        CategoricalColumn predictions = CategoricalColumn.ofLabels("prediction", new String[] {"yes", "no", "yes", "yes"});
        DriftReference reference = DriftReference.fit(train(), predictions, 0.1, 0.25);
        assertThat(reference.prediction().levels()).containsExactly("yes", "no");
        assertThat(reference.prediction().proportions()).containsExactly(0.75, 0.25, 0.0, 0.0);
    }

    @Test
    void referenceArraysAreCopied() {
        FeatureReference x = DriftReference.fit(train(), null, 0.1, 0.25).features().get(0);
        x.proportions()[0] = 42;
        x.edges()[0] = 42;
        assertThat(x.proportions()[0]).isEqualTo(0.1);
        assertThat(x.edges()[0]).isEqualTo(10.0);
    }
}
