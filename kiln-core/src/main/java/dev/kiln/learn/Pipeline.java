package dev.kiln.learn;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnParser;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.prep.FittedTransformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted preparation steps and a model, applied as one: what a bundle holds and what is deployed; for a binary
 * model, optionally a decision threshold chosen on held-out rows.
 * Takes raw records shaped like the training data (the input schema, target excluded). Immutable and
 * thread-safe.
 */
public final class Pipeline {
    private final Schema inputSchema;
    private final List<FittedTransformer> steps;
    private final Model model;
    private final double decisionThreshold;

    public Pipeline(Schema inputSchema, List<FittedTransformer> steps, Model model) {
        this(inputSchema, steps, model, Double.NaN);
    }

    private Pipeline(Schema inputSchema, List<FittedTransformer> steps, Model model, double decisionThreshold) {
        this.inputSchema = inputSchema;
        this.steps = List.copyOf(steps);
        this.model = model;
        this.decisionThreshold = decisionThreshold;
    }

    /**
     * This pipeline predicting the positive class of a binary model when its probability is at least
     * {@code threshold} (see {@link Predictions#withThreshold}); NaN restores the most probable class.
     */
    public Pipeline withDecisionThreshold(double threshold) {
        Checks.checkArgument(Double.isNaN(threshold) || model.task() == Task.BINARY && threshold >= 0 && threshold <= Math.nextUp(1.0),
                "decision threshold %s needs a binary model and a value in [0, 1]", threshold);
        return new Pipeline(inputSchema, steps, model, threshold);
    }

    /** The binary decision threshold, or NaN when the most probable class is predicted. */
    public double decisionThreshold() {
        return decisionThreshold;
    }

    /** The raw columns this pipeline reads: names, kinds, roles, training levels. */
    public Schema inputSchema() {
        return inputSchema;
    }

    public List<FittedTransformer> steps() {
        return steps;
    }

    public Model model() {
        return model;
    }

    /** Predictions for every row of {@code input}; extra columns are ignored. */
    public Predictions predict(Frame input) {
        Predictions predictions = model.predict(prepare(input));
        return Double.isNaN(decisionThreshold) ? predictions : predictions.withThreshold(decisionThreshold);
    }

    /** {@code input} conformed to the input schema and run through every step: what the model sees. */
    public Frame prepare(Frame input) {
        Frame frame = conform(input);
        for (FittedTransformer step : steps) {
            frame = step.apply(frame);
        }
        return frame;
    }

    /**
     * The schema's columns of {@code input}, each converted to its training kind. A feature column
     * that is absent, or a value that does not fit its kind, is an {@link InvalidDataException}
     * naming the column (and row).
     */
    public Frame conform(Frame input) {
        List<Column> out = new ArrayList<>();
        for (Field field : inputSchema.fields()) {
            if (!input.has(field.name())) {
                if (field.role() == Role.FEATURE) {
                    throw new InvalidDataException("missing column '" + field.name() + "' (" + field.kind().label()
                            + "); the model reads: " + String.join(", ", featureNames()));
                }
                continue;
            }
            Column column = input.column(field.name());
            out.add(column.kind() == field.kind() ? column : convert(column, field));
        }
        return Frame.of(out);
    }

    private static Column convert(Column column, Field field) {
        String[] text = new String[column.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = column.format(i);
        }
        return ColumnParser.parse(field.name(), text, field.kind(), i -> "row " + (i + 1));
    }

    /**
     * The explanation of every row of {@code input}: baseline plus per-column contributions.
     * {@link IllegalArgumentException} when the model cannot explain itself (see {@link Explainable}).
     */
    public List<Explanation> explain(Frame input) {
        if (!(model instanceof Explainable explainable)) {
            throw new IllegalArgumentException("explanations need a tree model; this model is '" + model.type() + "'");
        }
        FeatureMatrix matrix = FeatureMatrix.of(prepare(input), model.features());
        int outputs = explainable.explainedOutputs();
        List<String> columns = sourceColumns();
        double[] x = new double[model.features().size()];
        double[] baseline = new double[outputs];
        double[] contributions = new double[x.length * outputs];
        List<Explanation> out = new ArrayList<>(matrix.rows());
        for (int i = 0; i < matrix.rows(); i++) {
            matrix.row(i, x);
            explainable.contributions(x, baseline, contributions);
            Map<String, double[]> byColumn = new LinkedHashMap<>();
            for (int j = 0; j < x.length; j++) {
                double[] sum = byColumn.computeIfAbsent(columns.get(j), c -> new double[outputs]);
                for (int k = 0; k < outputs; k++) {
                    sum[k] += contributions[j * outputs + k];
                }
            }
            out.add(new Explanation(baseline, byColumn));
        }
        return out;
    }

    /**
     * The raw input column each model feature comes from: itself when it is an input column, the part
     * before {@code =} for a one-hot indicator such as {@code Sex=male}, else the feature's own name.
     */
    private List<String> sourceColumns() {
        List<String> out = new ArrayList<>();
        for (String feature : model.features()) {
            int eq = feature.indexOf('=');
            String prefix = eq > 0 ? feature.substring(0, eq) : feature;
            out.add(inputSchema.contains(feature) ? feature : inputSchema.contains(prefix) ? prefix : feature);
        }
        return out;
    }

    /** The names of the input columns the model needs. */
    public List<String> featureNames() {
        return inputSchema.withRole(Role.FEATURE).stream().map(Field::name).toList();
    }
}
