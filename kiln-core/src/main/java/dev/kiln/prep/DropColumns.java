package dev.kiln.prep;

import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes named columns, each with the reason it was dropped (the spec asked for it, or Kiln cannot
 * use its kind yet). Columns that are absent at apply time are ignored. Fitting learns nothing.
 */
public final class DropColumns implements Transformer, FittedTransformer {
    public static final String TYPE = "drop_columns";

    /** A dropped column and why. */
    public record Dropped(String column, String reason) {
    }

    private final List<Dropped> dropped;

    public DropColumns(List<Dropped> dropped) {
        this.dropped = List.copyOf(dropped);
    }

    public List<Dropped> dropped() {
        return dropped;
    }

    @Override
    public FittedTransformer fit(Frame train) {
        return this;
    }

    @Override
    public Frame apply(Frame frame) {
        return frame.drop(dropped.stream().map(Dropped::column).toList());
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        Set<String> names = new HashSet<>();
        dropped.forEach(d -> names.add(d.column()));
        RowProgram.Builder out = RowProgram.empty();
        for (int i = 0; i < input.size(); i++) {
            if (!names.contains(input.slot(i).name())) {
                out.copy(input.slot(i), i);
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
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        var list = node.putArray("columns");
        for (Dropped d : dropped) {
            list.addObject().put("column", d.column()).put("reason", d.reason());
        }
        return node;
    }

    public static DropColumns fromJson(ObjectNode node) {
        List<Dropped> dropped = new ArrayList<>();
        node.withArray("/columns").forEach(n -> dropped.add(new Dropped(n.path("column").asText(), n.path("reason").asText())));
        return new DropColumns(dropped);
    }
}
