package dev.kiln.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column of labels stored as int codes into a dictionary of levels; -1 marks a missing value.
 * Also stores {@link ColumnKind#BOOLEAN} columns, whose levels are {@code false} and {@code true}.
 * Immutable.
 */
public final class CategoricalColumn implements Column {
    /** The code of a missing value. */
    public static final int MISSING = -1;

    private final String name;
    private final ColumnKind kind;
    private final int[] codes;
    private final List<String> levels;
    /** The number of missing values, or -1 until first counted. */
    private int missing;

    private CategoricalColumn(String name, ColumnKind kind, int[] codes, List<String> levels) {
        this(name, kind, codes, levels, -1);
    }

    private CategoricalColumn(String name, ColumnKind kind, int[] codes, List<String> levels, int missing) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.codes = codes;
        this.missing = missing;
        this.levels = List.copyOf(levels);
    }

    /** A categorical column from codes (copied) and their levels. */
    public static CategoricalColumn of(String name, int[] codes, List<String> levels) {
        return build(name, ColumnKind.CATEGORICAL, codes.clone(), levels);
    }

    /** A boolean column: codes 0 (false), 1 (true) or -1 (missing). */
    public static CategoricalColumn ofBooleans(String name, int[] codes) {
        return build(name, ColumnKind.BOOLEAN, codes.clone(), List.of("false", "true"));
    }

    /** A categorical column from labels; null marks a missing value. Levels are in order of first appearance. */
    public static CategoricalColumn ofLabels(String name, String[] labels) {
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label == null) {
                codes[i] = MISSING;
            } else {
                Integer code = index.get(label);
                if (code == null) {
                    code = levels.size();
                    index.put(label, code);
                    levels.add(label);
                }
                codes[i] = code;
            }
        }
        return new CategoricalColumn(name, ColumnKind.CATEGORICAL, codes, levels);
    }

    /** Takes ownership of {@code codes}: the caller must not touch the array again. */
    static CategoricalColumn wrap(String name, ColumnKind kind, int[] codes, List<String> levels) {
        return build(name, kind, codes, levels);
    }

    private static CategoricalColumn build(String name, ColumnKind kind, int[] codes, List<String> levels) {
        int missing = 0;
        for (int code : codes) {
            if (code < MISSING || code >= levels.size()) {
                throw new IllegalArgumentException("column '" + name + "': code " + code + " outside [-1, " + levels.size() + ")");
            }
            missing += code == MISSING ? 1 : 0;
        }
        return new CategoricalColumn(name, kind, codes, levels, missing);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return kind;
    }

    @Override
    public int size() {
        return codes.length;
    }

    /** The code at {@code row}: an index into {@link #levels()}, or {@link #MISSING}. */
    public int code(int row) {
        return codes[row];
    }

    /** The label at {@code row}, or null when missing. */
    public String label(int row) {
        int code = codes[row];
        return code == MISSING ? null : levels.get(code);
    }

    /** The dictionary: level {@code i} is the label of code {@code i}. */
    public List<String> levels() {
        return levels;
    }

    /** A copy of the codes. */
    public int[] toCodes() {
        return codes.clone();
    }

    /** Counts of each level, indexed by code. */
    public int[] levelCounts() {
        int[] counts = new int[levels.size()];
        for (int code : codes) {
            if (code != MISSING) {
                counts[code]++;
            }
        }
        return counts;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    @Override
    public int missingCount() {
        int count = missing;
        if (count < 0) {
            count = 0;
            for (int code : codes) {
                count += code == MISSING ? 1 : 0;
            }
            missing = count; // a benign race: every thread counts the same
        }
        return count;
    }

    @Override
    public String format(int row) {
        return label(row);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return new CategoricalColumn(newName, kind, codes, levels, missing);
    }

    @Override
    public CategoricalColumn take(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, kind, out, levels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalColumn other && name.equals(other.name) && kind == other.kind
                && Arrays.equals(codes, other.codes) && levels.equals(other.levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, Arrays.hashCode(codes), levels);
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + codes.length + " rows, " + levels.size() + " levels]";
    }
}
