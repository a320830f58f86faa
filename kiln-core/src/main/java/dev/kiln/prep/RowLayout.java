package dev.kiln.prep;

import dev.kiln.data.ColumnKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of one row in the row form of preparation ({@link RowTransform}): each slot of a
 * {@code double[]} row has a name, a kind and, for categorical and boolean slots, its levels. A numeric
 * slot holds the value (NaN = missing); a categorical or boolean slot holds the index of its label in
 * {@link Slot#levels()}, NaN when missing and {@link #UNSEEN} for a label outside the levels; a
 * timestamp slot holds epoch milliseconds (NaN = missing); a text slot holds no value and no row step
 * may read it. Immutable.
 */
public final class RowLayout {
    /** The code of a present label that is not one of its slot's levels. */
    public static final double UNSEEN = -1;

    /** One column of the row: name, kind, and the levels that codes index (empty for other kinds). */
    public record Slot(String name, ColumnKind kind, List<String> levels) {
        public Slot {
            levels = List.copyOf(levels);
        }

        /** A numeric slot. */
        public static Slot numeric(String name) {
            return new Slot(name, ColumnKind.NUMERIC, List.of());
        }

        public boolean isNumeric() {
            return kind == ColumnKind.NUMERIC;
        }

        /** Categorical or boolean: the value is a code into {@link #levels()}. */
        public boolean isCoded() {
            return kind == ColumnKind.CATEGORICAL || kind == ColumnKind.BOOLEAN;
        }
    }

    private final List<Slot> slots;
    private final Map<String, Integer> index;

    private RowLayout(List<Slot> slots, Map<String, Integer> index) {
        this.slots = slots;
        this.index = index;
    }

    /** The layout of these slots; empty when two share a name (a frame would refuse them too). */
    public static Optional<RowLayout> of(List<Slot> slots) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            if (index.put(slots.get(i).name(), i) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new RowLayout(List.copyOf(slots), index));
    }

    public int size() {
        return slots.size();
    }

    public Slot slot(int i) {
        return slots.get(i);
    }

    public List<Slot> slots() {
        return slots;
    }

    /** The position of slot {@code name}, or -1. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>(slots.size());
        slots.forEach(s -> out.add(s.name()));
        return out;
    }

    /** Whether a coded value means a present label (not missing). */
    public static boolean isPresent(double code) {
        return code == code;
    }
}
