package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-level target means learned by {@link TargetEncoder} from all training rows, and the prior for
 * unseen levels and missing values. Immutable; encodes by label.
 */
public final class FittedTargetEncoder implements FittedTransformer {
    public static final String TYPE = "target_encoder";

    private final List<String> outputs;
    private final double[] prior;
    private final Map<String, Map<String, double[]>> tables;

    FittedTargetEncoder(List<String> outputs, double[] prior, Map<String, Map<String, double[]>> tables) {
        this.outputs = List.copyOf(outputs);
        this.prior = prior.clone();
        Map<String, Map<String, double[]>> copy = new LinkedHashMap<>();
        tables.forEach((name, table) -> {
            Map<String, double[]> t = new LinkedHashMap<>();
            table.forEach((label, value) -> t.put(label, value.clone()));
            copy.put(name, t);
        });
        this.tables = copy;
    }

    /** {@code NAME_te}, or {@code NAME_te=CLASS} for one class of a multiclass target. */
    static String outputName(String column, String output) {
        return output.isEmpty() ? column + "_te" : column + "_te=" + output;
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            Map<String, double[]> table = tables.get(column.name());
            if (table == null || !(column instanceof CategoricalColumn c)) {
                out.add(column);
            }
        }
        for (Map.Entry<String, Map<String, double[]>> e : tables.entrySet()) {
            if (!frame.has(e.getKey()) || !(frame.column(e.getKey()) instanceof CategoricalColumn c)) {
                continue;
            }
            double[][] values = new double[outputs.size()][c.size()];
            for (int i = 0; i < c.size(); i++) {
                double[] value = c.code(i) < 0 ? prior : e.getValue().getOrDefault(c.label(i), prior);
                for (int o = 0; o < outputs.size(); o++) {
                    values[o][i] = value[o];
                }
            }
            for (int o = 0; o < outputs.size(); o++) {
                out.add(NumericColumn.wrap(outputName(c.name(), outputs.get(o)), values[o]));
            }
        }
        return Frame.of(out);
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.empty();
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            if (!tables.containsKey(slot.name()) || !slot.isCoded()) {
                out.copy(slot, i);
            }
        }
        for (Map.Entry<String, Map<String, double[]>> e : tables.entrySet()) {
            int at = input.indexOf(e.getKey());
            if (at < 0 || !input.slot(at).isCoded()) {
                continue;
            }
            List<String> levels = input.slot(at).levels();
            if (!levels.containsAll(e.getValue().keySet())) {
                return Optional.empty();
            }
            for (int o = 0; o < outputs.size(); o++) {
                double[] byCode = new double[levels.size()];
                for (int k = 0; k < byCode.length; k++) {
                    byCode[k] = e.getValue().getOrDefault(levels.get(k), prior)[o];
                }
                double missing = prior[o];
                out.add(RowLayout.Slot.numeric(outputName(e.getKey(), outputs.get(o))),
                        in -> in[at] >= 0 ? byCode[(int) in[at]] : missing);
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
        StepJson.putStrings(node, "outputs", outputs);
        StepJson.putArrays(node, "prior_table", Map.of("prior", prior));
        ObjectNode columns = node.putObject("columns");
        tables.forEach((name, table) -> StepJson.putArrays(columns, name, table));
        return node;
    }

    public static FittedTargetEncoder fromJson(ObjectNode node) {
        Map<String, Map<String, double[]>> tables = new LinkedHashMap<>();
        node.path("columns").properties().forEach(e -> tables.put(e.getKey(), StepJson.arrays(node.path("columns"), e.getKey())));
        return new FittedTargetEncoder(StepJson.strings(node.path("outputs")),
                StepJson.arrays(node, "prior_table").get("prior"), tables);
    }
}
