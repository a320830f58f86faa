package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.List;

/**
 * Adds the product of every pair of the named numeric columns, named {@code A*B} (pairs in the order
 * given). Learns nothing; immutable.
 */
public final class Interactions implements Transformer, FittedTransformer {
    public static final String TYPE = "interactions";

    private final List<String> columns;

    public Interactions(List<String> columns) {
        Checks.checkArgument(columns.size() >= 2, "interactions need at least two columns: %s", columns);
        this.columns = List.copyOf(columns);
    }

    @Override
    public FittedTransformer fit(Frame train) {
        return this;
    }

    @Override
    public Frame apply(Frame frame) {
        Frame out = frame;
        for (int a = 0; a < columns.size(); a++) {
            for (int b = a + 1; b < columns.size(); b++) {
                double[] left = frame.numeric(columns.get(a)).toArray();
                NumericColumn right = frame.numeric(columns.get(b));
                for (int i = 0; i < left.length; i++) {
                    left[i] *= right.get(i);
                }
                out = out.with(NumericColumn.wrap(columns.get(a) + "*" + columns.get(b), left));
            }
        }
        return out;
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.passThrough(input);
        for (String name : columns) {
            if (input.indexOf(name) < 0 || !input.slot(input.indexOf(name)).isNumeric()) {
                return Optional.empty();
            }
        }
        for (int a = 0; a < columns.size(); a++) {
            for (int b = a + 1; b < columns.size(); b++) {
                int left = input.indexOf(columns.get(a));
                int right = input.indexOf(columns.get(b));
                out.with(RowLayout.Slot.numeric(columns.get(a) + "*" + columns.get(b)), in -> in[left] * in[right]);
            }
        }
        return out.build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE);
        StepJson.putStrings(node, "columns", columns);
        return node;
    }

    public static Interactions fromJson(ObjectNode node) {
        return new Interactions(StepJson.strings(node.path("columns")));
    }
}
