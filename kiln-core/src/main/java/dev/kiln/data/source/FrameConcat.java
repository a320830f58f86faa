package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacks frames of one schema (same column names, order and kinds) into one. Categorical levels are merged in
 * order of first appearance across the frames, so the result equals reading the rows as one file.
 */
public final class FrameConcat {
    private FrameConcat() {
    }

    /** The rows of {@code frames} in order; {@code names} names each frame in errors. */
    public static Frame concat(List<Frame> frames, List<String> names) {
        Frame first = frames.get(0);
        if (frames.size() == 1) {
            return first;
        }
        for (int f = 1; f < frames.size(); f++) {
            if (!frames.get(f).schema().names().equals(first.schema().names()) || !kinds(frames.get(f)).equals(kinds(first))) {
                throw new InvalidDataException(names.get(f) + ": columns " + describe(frames.get(f)) + " differ from "
                        + names.get(0) + "'s " + describe(first));
            }
        }
        int rows = frames.stream().mapToInt(Frame::rowCount).sum();
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < first.columnCount(); j++) {
            List<Column> parts = new ArrayList<>();
            for (Frame frame : frames) {
                parts.add(frame.columns().get(j));
            }
            out.add(concat(parts, rows));
        }
        return Frame.of(out);
    }

    private static Column concat(List<Column> parts, int rows) {
        Column first = parts.get(0);
        String name = first.name();
        int at = 0;
        switch (first.kind()) {
            case NUMERIC -> {
                double[] values = new double[rows];
                for (Column part : parts) {
                    ((NumericColumn) part).copyTo(values, at);
                    at += part.size();
                }
                return NumericColumn.wrap(name, values);
            }
            case TIMESTAMP -> {
                long[] values = new long[rows];
                for (Column part : parts) {
                    for (int i = 0; i < part.size(); i++) {
                        values[at++] = ((TimestampColumn) part).get(i);
                    }
                }
                return TimestampColumn.of(name, values);
            }
            case TEXT -> {
                String[] values = new String[rows];
                for (Column part : parts) {
                    for (int i = 0; i < part.size(); i++) {
                        values[at++] = ((TextColumn) part).get(i);
                    }
                }
                return TextColumn.of(name, values);
            }
            default -> {
                return concatLabels(parts, rows, first.kind() == ColumnKind.BOOLEAN);
            }
        }
    }

    private static Column concatLabels(List<Column> parts, int rows, boolean bool) {
        List<String> levels = new ArrayList<>();
        Map<String, Integer> codeOf = new HashMap<>();
        int[] codes = new int[rows];
        int at = 0;
        for (Column part : parts) {
            CategoricalColumn c = (CategoricalColumn) part;
            int[] recode = new int[c.levels().size()];
            for (int k = 0; k < recode.length; k++) {
                recode[k] = codeOf.computeIfAbsent(c.levels().get(k), label -> {
                    levels.add(label);
                    return levels.size() - 1;
                });
            }
            for (int i = 0; i < c.size(); i++) {
                int code = c.code(i);
                codes[at++] = code == CategoricalColumn.MISSING ? code : recode[code];
            }
        }
        String name = parts.get(0).name();
        return bool ? CategoricalColumn.ofBooleans(name, codes) : CategoricalColumn.of(name, codes, levels);
    }

    private static List<ColumnKind> kinds(Frame frame) {
        return frame.columns().stream().map(Column::kind).toList();
    }

    private static String describe(Frame frame) {
        List<String> out = new ArrayList<>();
        for (Column c : frame.columns()) {
            out.add(c.name() + ":" + c.kind().label());
        }
        return out.toString();
    }
}
