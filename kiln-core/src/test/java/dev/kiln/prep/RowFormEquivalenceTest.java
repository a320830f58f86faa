package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TimestampColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped dataset, through the automatic preparation and through a list of every kind of step:
 * each step's row form, applied to each row on its own, gives bit for bit the values that its frame
 * form gives for the whole frame. Steps without a row form are listed, so none loses it unnoticed.
 */
class RowFormEquivalenceTest {
    /** The steps that have no row form (text is not held in a row; these fall back to frames). */
    private static final Set<String> WITHOUT_ROW_FORM = Set.of(FittedTextVectorizer.TYPE, FittedKnnImputer.TYPE, DerivedFeatures.TYPE);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.kiln.prep.BatchRowEquivalenceTest#datasets")
    void automaticPreparationRowFormsEqualFrameForms(String name, String target) throws IOException {
        Frame frame = BatchRowEquivalenceTest.read(name);
        Frame features = frame.drop(List.of(target));
        FittedPreparation fitted = AutoPreparation.plan(features, frame.column(target)).fit(features, frame.column(target));
        assertRowFormsEqualFrameForms(features, BatchRowEquivalenceTest.roundTrip(fitted.steps()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.kiln.prep.BatchRowEquivalenceTest#datasets")
    void everyKindOfStepRowFormEqualsFrameForm(String name, String target) throws IOException {
        Frame frame = BatchRowEquivalenceTest.read(name);
        Frame features = frame.drop(List.of(target));
        List<String> numeric = features.columns().stream().filter(c -> c instanceof NumericColumn).map(Column::name).toList();
        List<PreparationPlan.Step> steps = new ArrayList<>();
        steps.add(new PreparationPlan.FitStep(new MissingTokens(Map.of("job", List.of("unknown"), "glucose", List.of("0")))));
        steps.add(new PreparationPlan.FitStep(new DropSparseColumns(0.6)));
        steps.add(new PreparationPlan.FitStep(new DateFeatures(Set.of(DateFeatures.Part.values()))));
        if (numeric.size() >= 2) {
            steps.add(new PreparationPlan.FitStep(new Interactions(numeric.subList(0, 2))));
        }
        steps.add(new PreparationPlan.FitStep(new OutlierRule(OutlierRule.Method.Z_SCORE, 3, OutlierRule.Action.FLAG, List.of())));
        steps.add(new PreparationPlan.FitStep(new OutlierRule(OutlierRule.Method.IQR, 1.5, OutlierRule.Action.CLIP, List.of())));
        steps.add(new PreparationPlan.FitStep(new Imputer(Imputer.NumericStrategy.MEAN, 0, "(missing)", true)));
        steps.add(new PreparationPlan.FitStep(new Binner(4, Binner.Method.QUANTILE, List.of())));
        steps.add(new PreparationPlan.FitStep(new PowerTransform(PowerTransform.Method.LOG, List.of())));
        steps.add(new PreparationPlan.FitStep(new PowerTransform(PowerTransform.Method.YEO_JOHNSON, List.of())));
        steps.add(new PreparationPlan.FitStep(new Scaler(Scaler.Method.ROBUST)));
        List<String> categorical = features.columns().stream().filter(c -> c.kind() == ColumnKind.CATEGORICAL).map(Column::name).toList();
        if (!categorical.isEmpty()) {
            steps.add(new PreparationPlan.SupervisedStep(new TargetEncoder(5, 10.0, 42, categorical.subList(0, 1))));
        }
        steps.add(new PreparationPlan.FitStep(new LabelEncoder(LabelEncoder.Method.FREQUENCY)));
        FittedPreparation fitted = new PreparationPlan(steps, List.of()).fit(features, frame.column(target));
        assertRowFormsEqualFrameForms(features, BatchRowEquivalenceTest.roundTrip(fitted.steps()));
    }

    static void assertRowFormsEqualFrameForms(Frame features, List<FittedTransformer> steps) {
        Frame frame = features;
        for (FittedTransformer step : steps) {
            RowLayout layout = layoutOf(frame);
            Optional<RowTransform> form = step.rowForm(layout);
            Frame next = step.apply(frame);
            if (WITHOUT_ROW_FORM.contains(step.type())) {
                frame = next;
                continue;
            }
            if (step instanceof MissingTokens tokens && tokenOutsideLevels(tokens, frame)) {
                assertThat(form).as("a token outside the levels could be any unseen label").isEmpty();
                frame = next;
                continue;
            }
            assertThat(form).as("row form of %s", step.type()).isPresent();
            RowLayout output = form.get().output();
            assertThat(output.names()).as("columns of %s", step.type()).isEqualTo(next.names());
            double[] in = new double[layout.size()];
            double[] out = new double[output.size()];
            for (int i = 0; i < frame.rowCount(); i++) {
                encode(frame, layout, i, in);
                form.get().apply(in, out);
                for (int j = 0; j < output.size(); j++) {
                    assertSame(step.type(), output.slot(j), out[j], next.columns().get(j), i);
                }
            }
            frame = next;
        }
    }

    private static boolean tokenOutsideLevels(MissingTokens step, Frame frame) {
        return step.tokens().entrySet().stream().anyMatch(e -> frame.has(e.getKey()) && frame.column(e.getKey()).kind() == ColumnKind.CATEGORICAL
                && !((CategoricalColumn) frame.column(e.getKey())).levels().containsAll(e.getValue()));
    }

    /** The layout of a frame's columns, categorical codes by the column's own levels. */
    static RowLayout layoutOf(Frame frame) {
        List<RowLayout.Slot> slots = new ArrayList<>();
        for (Column column : frame.columns()) {
            List<String> levels = column instanceof CategoricalColumn c ? c.levels() : List.of();
            slots.add(new RowLayout.Slot(column.name(), column.kind(), levels));
        }
        return RowLayout.of(slots).orElseThrow();
    }

    static void encode(Frame frame, RowLayout layout, int row, double[] out) {
        for (int j = 0; j < layout.size(); j++) {
            Column column = frame.columns().get(j);
            out[j] = switch (column.kind()) {
                case NUMERIC -> ((NumericColumn) column).get(row);
                case CATEGORICAL, BOOLEAN -> column.isMissing(row) ? Double.NaN : ((CategoricalColumn) column).code(row);
                case TIMESTAMP -> column.isMissing(row) ? Double.NaN : ((TimestampColumn) column).get(row);
                case TEXT -> Double.NaN;
            };
        }
    }

    static void assertSame(String step, RowLayout.Slot slot, double value, Column expected, int row) {
        assertThat(slot.kind()).as("%s: kind of %s", step, slot.name()).isEqualTo(expected.kind());
        if (slot.kind() == ColumnKind.NUMERIC) {
            double want = ((NumericColumn) expected).get(row);
            assertThat(Double.compare(value, want)).as("%s: %s row %d: %s vs %s", step, slot.name(), row, value, want).isZero();
        } else if (slot.isCoded()) {
            String label = Double.isNaN(value) ? null : slot.levels().get((int) value);
            String want = expected.isMissing(row) ? null : expected.format(row);
            assertThat(label).as("%s: %s row %d", step, slot.name(), row).isEqualTo(want);
        }
    }
}
