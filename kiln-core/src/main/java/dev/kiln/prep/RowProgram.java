package dev.kiln.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RowTransform} whose every output slot is either a copy of an input slot or a function of
 * the input row; what the steps' row forms are built from. Immutable; {@link #apply} allocates nothing.
 */
final class RowProgram implements RowTransform {

    /** One output value computed from the whole input row. */
    @FunctionalInterface
    interface SlotFunction {
        double value(double[] in);
    }

    private final RowLayout output;
    private final int[] sources;
    private final SlotFunction[] functions;

    private RowProgram(RowLayout output, int[] sources, SlotFunction[] functions) {
        this.output = output;
        this.sources = sources;
        this.functions = functions;
    }

    @Override
    public RowLayout output() {
        return output;
    }

    @Override
    public void apply(double[] in, double[] out) {
        for (int j = 0; j < sources.length; j++) {
            int source = sources[j];
            out[j] = source >= 0 ? in[source] : functions[j].value(in);
        }
    }

    /** Starts with every input slot copied through, in order. */
    static Builder passThrough(RowLayout input) {
        Builder builder = new Builder();
        for (int i = 0; i < input.size(); i++) {
            builder.copy(input.slot(i), i);
        }
        return builder;
    }

    /** Starts with no output slots. */
    static Builder empty() {
        return new Builder();
    }

    /** Collects output slots in order; functions always read the input row, never earlier outputs. */
    static final class Builder {
        private final List<RowLayout.Slot> slots = new ArrayList<>();
        private final List<Integer> sources = new ArrayList<>();
        private final List<SlotFunction> functions = new ArrayList<>();

        /** Appends a copy of input slot {@code source}. */
        Builder copy(RowLayout.Slot slot, int source) {
            slots.add(slot);
            sources.add(source);
            functions.add(null);
            return this;
        }

        /** Appends a computed slot. */
        Builder add(RowLayout.Slot slot, SlotFunction function) {
            slots.add(slot);
            sources.add(-1);
            functions.add(function);
            return this;
        }

        /** Replaces output slot {@code position}. */
        Builder set(int position, RowLayout.Slot slot, SlotFunction function) {
            slots.set(position, slot);
            sources.set(position, -1);
            functions.set(position, function);
            return this;
        }

        /** Like {@code Frame.with}: replaces the output slot of that name, else appends. */
        Builder with(RowLayout.Slot slot, SlotFunction function) {
            int position = indexOf(slot.name());
            return position >= 0 ? set(position, slot, function) : add(slot, function);
        }

        /** The position of output slot {@code name}, or -1. */
        int indexOf(String name) {
            for (int j = 0; j < slots.size(); j++) {
                if (slots.get(j).name().equals(name)) {
                    return j;
                }
            }
            return -1;
        }

        /** The transform; empty when two output slots share a name. */
        Optional<RowTransform> build() {
            int[] s = new int[sources.size()];
            for (int j = 0; j < s.length; j++) {
                s[j] = sources.get(j);
            }
            SlotFunction[] f = functions.toArray(new SlotFunction[0]);
            return RowLayout.of(slots).map(layout -> new RowProgram(layout, s, f));
        }
    }
}
