package dev.kiln.server.monitor;

import dev.kiln.bundle.Bundle;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Role;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * What the prediction log keeps of one served model version's requests: its feature slots in input-schema order
 * (name, kind and, for categorical and boolean features, the levels that a raw row's codes index, as the compiled
 * one-record path lays rows out; a feature named like a log column, {@code __...}, is not kept), and its classes (empty for a regression). Built once per served version; the
 * request path hands it to the log with each row. Immutable.
 */
public final class LogLayout {
    private final String model;
    private final int version;
    private final String[] names;
    private final ColumnKind[] kinds;
    private final List<List<String>> levels;
    private final List<String> classes;
    private final boolean classification;
    private final int[] textSlots;

    public LogLayout(String model, int version, List<Field> features, List<String> classes, boolean classification) {
        this.model = model;
        this.version = version;
        List<Field> kept = features;
        this.names = new String[kept.size()];
        this.kinds = new ColumnKind[kept.size()];
        List<List<String>> byField = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Field f = kept.get(i);
            names[i] = f.name();
            kinds[i] = f.kind();
            byField.add(switch (f.kind()) {
                case CATEGORICAL -> List.copyOf(f.levels());
                case BOOLEAN -> List.of("false", "true");
                default -> List.of();
            });
        }
        this.levels = List.copyOf(byField);
        this.textSlots = java.util.stream.IntStream.range(0, kinds.length)
                .filter(i -> kinds[i] == ColumnKind.CATEGORICAL || kinds[i] == ColumnKind.TEXT).toArray();
        this.classes = List.copyOf(classes);
        this.classification = classification;
    }

    /** The layout of {@code version} of {@code model}, served from {@code bundle}. */
    public static LogLayout of(String model, int version, Bundle bundle) {
        return new LogLayout(model, version, bundle.pipeline().inputSchema().withRole(Role.FEATURE), bundle.manifest().classes(),
                Task.fromLabel(bundle.manifest().task()).isClassification());
    }

    public String model() {
        return model;
    }

    public int version() {
        return version;
    }

    /** How many feature slots a row has. */
    public int width() {
        return names.length;
    }

    public String name(int slot) {
        return names[slot];
    }

    public ColumnKind kind(int slot) {
        return kinds[slot];
    }

    /** The levels a coded slot's values index (empty for other kinds). */
    public List<String> levels(int slot) {
        return levels.get(slot);
    }

    /** The slot of feature {@code name}, or -1. */
    public int slot(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The slots whose text a raw row may carry (categorical: an unseen label; text): the only ones the log copies. */
    int[] textSlots() {
        return textSlots;
    }

    public List<String> classes() {
        return classes;
    }

    public boolean classification() {
        return classification;
    }

    /** How many output values a row has: one per class, or the value. */
    public int outputs() {
        return classification ? Math.max(1, classes.size()) : 1;
    }
}
