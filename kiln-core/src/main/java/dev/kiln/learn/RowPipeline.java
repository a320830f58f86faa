package dev.kiln.learn;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Role;
import dev.kiln.prep.FittedTransformer;
import dev.kiln.prep.RowLayout;
import dev.kiln.prep.RowTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Pipeline} compiled for one row at a time: the raw features of a record, laid out as
 * {@link #input()}, go through every step's {@link RowTransform} and straight into the model's
 * {@link Model#predictRow}, with no frame in between. Gives bit for bit what {@link Pipeline#predict}
 * gives for a one-row frame holding the same values. Exists only when every step has a row form and
 * the last layout holds every model feature as a number; otherwise use {@link Pipeline#predict}.
 *
 * <p>Immutable and thread-safe; each thread brings its own {@link Scratch}, and then {@link #predict}
 * allocates nothing.
 */
public final class RowPipeline {
    private final RowLayout input;
    private final RowTransform[] steps;
    private final int[] featureSlots;
    private final Model model;
    private final int width;

    private RowPipeline(RowLayout input, RowTransform[] steps, int[] featureSlots, Model model) {
        this.input = input;
        this.steps = steps;
        this.featureSlots = featureSlots;
        this.model = model;
        this.width = Math.max(1, model.classes().size());
    }

    /** The row form of {@code pipeline}, or empty when one of its steps has none. */
    public static Optional<RowPipeline> compile(Pipeline pipeline) {
        Optional<RowLayout> start = RowLayout.of(inputSlots(pipeline));
        if (start.isEmpty()) {
            return Optional.empty();
        }
        RowLayout layout = start.get();
        List<RowTransform> steps = new ArrayList<>();
        for (FittedTransformer step : pipeline.steps()) {
            Optional<RowTransform> form = step.rowForm(layout);
            if (form.isEmpty()) {
                return Optional.empty();
            }
            steps.add(form.get());
            layout = form.get().output();
        }
        List<String> features = pipeline.model().features();
        int[] slots = new int[features.size()];
        for (int j = 0; j < slots.length; j++) {
            slots[j] = layout.indexOf(features.get(j));
            if (slots[j] < 0 || !layout.slot(slots[j]).isNumeric()) {
                return Optional.empty();
            }
        }
        return Optional.of(new RowPipeline(start.get(), steps.toArray(new RowTransform[0]), slots, pipeline.model()));
    }

    /**
     * The raw feature columns in input-schema order, as a frame decoded from a request has them:
     * categorical slots coded by the schema's training levels, booleans by {@code false, true}.
     */
    private static List<RowLayout.Slot> inputSlots(Pipeline pipeline) {
        List<RowLayout.Slot> slots = new ArrayList<>();
        for (Field field : pipeline.inputSchema().fields()) {
            if (field.role() == Role.FEATURE) {
                List<String> levels = switch (field.kind()) {
                    case CATEGORICAL -> field.levels();
                    case BOOLEAN -> List.of("false", "true");
                    default -> List.of();
                };
                slots.add(new RowLayout.Slot(field.name(), field.kind(), levels));
            }
        }
        return slots;
    }

    /** The layout of the raw rows that {@link #predict} takes. */
    public RowLayout input() {
        return input;
    }

    public Model model() {
        return model;
    }

    /** Per-thread buffers for {@link #predict}. Not thread-safe. */
    public final class Scratch {
        private final double[][] rows;
        private final double[] features;
        private final double[] out;

        private Scratch() {
            rows = new double[steps.length + 1][];
            rows[0] = new double[input.size()];
            for (int s = 0; s < steps.length; s++) {
                rows[s + 1] = new double[steps[s].output().size()];
            }
            features = new double[featureSlots.length];
            out = new double[width];
        }

        /** The raw row to fill, laid out as {@link #input()}. */
        public double[] input() {
            return rows[0];
        }
    }

    public Scratch newScratch() {
        return new Scratch();
    }

    /**
     * Predicts the raw row in {@code scratch.input()}: returns the scratch's output, the class
     * probabilities (length = classes) or the value in element 0. Allocates nothing.
     */
    public double[] predict(Scratch scratch) {
        double[][] rows = scratch.rows;
        for (int s = 0; s < steps.length; s++) {
            steps[s].apply(rows[s], rows[s + 1]);
        }
        double[] prepared = rows[steps.length];
        double[] x = scratch.features;
        for (int j = 0; j < x.length; j++) {
            x[j] = prepared[featureSlots[j]];
        }
        model.predictRow(x, scratch.out);
        return scratch.out;
    }

    /** The prepared row (the last step's output) of the last {@link #predict} call on {@code scratch}. */
    public double[] prepared(Scratch scratch) {
        return scratch.rows[steps.length];
    }

    /** The layout of {@link #prepared}. */
    public RowLayout preparedLayout() {
        return steps.length == 0 ? input : steps[steps.length - 1].output();
    }

    /** Whether a column of this kind is read as a value ({@code false} for text and timestamps). */
    public static boolean holdsValue(ColumnKind kind) {
        return kind == ColumnKind.NUMERIC || kind == ColumnKind.CATEGORICAL || kind == ColumnKind.BOOLEAN;
    }
}
