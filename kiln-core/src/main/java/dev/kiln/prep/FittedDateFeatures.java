package dev.kiln.prep;

import dev.kiln.data.ColumnKind;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TimestampColumn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parts and the elapsed-time origin of every timestamp column, learned by {@link DateFeatures}. Immutable. */
public final class FittedDateFeatures implements FittedTransformer {
    public static final String TYPE = "date_features";

    private final Map<String, List<DateFeatures.Part>> parts;
    private final Map<String, Long> origins;

    FittedDateFeatures(Map<String, List<DateFeatures.Part>> parts, Map<String, Long> origins) {
        Map<String, List<DateFeatures.Part>> copy = new LinkedHashMap<>();
        parts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.parts = copy;
        this.origins = Map.copyOf(origins);
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            List<DateFeatures.Part> wanted = parts.get(column.name());
            if (wanted != null && column instanceof TimestampColumn t) {
                out.addAll(expand(t, wanted));
            } else {
                out.add(column);
            }
        }
        return Frame.of(out);
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.empty();
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            List<DateFeatures.Part> wanted = parts.get(slot.name());
            if (wanted == null || slot.kind() != ColumnKind.TIMESTAMP) {
                out.copy(slot, i);
                continue;
            }
            long origin = origins.get(slot.name());
            int at = i;
            for (DateFeatures.Part part : wanted) {
                for (String suffix : suffixes(part, wanted)) {
                    out.add(RowLayout.Slot.numeric(slot.name() + "_" + suffix), in -> {
                        if (Double.isNaN(in[at])) {
                            return Double.NaN;
                        }
                        long v = (long) in[at];
                        return value(suffix, Instant.ofEpochMilli(v).atZone(ZoneOffset.UTC), v, origin);
                    });
                }
            }
        }
        return out.build();
    }

    private List<NumericColumn> expand(TimestampColumn t, List<DateFeatures.Part> wanted) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        int n = t.size();
        for (DateFeatures.Part part : wanted) {
            for (String suffix : suffixes(part, wanted)) {
                columns.put(t.name() + "_" + suffix, new double[n]);
            }
        }
        long origin = origins.get(t.name());
        for (int i = 0; i < n; i++) {
            long v = t.get(i);
            ZonedDateTime time = v == TimestampColumn.MISSING ? null : Instant.ofEpochMilli(v).atZone(ZoneOffset.UTC);
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                String suffix = e.getKey().substring(t.name().length() + 1);
                e.getValue()[i] = time == null ? Double.NaN : value(suffix, time, v, origin);
            }
        }
        List<NumericColumn> out = new ArrayList<>();
        columns.forEach((name, values) -> out.add(NumericColumn.wrap(name, values)));
        return out;
    }

    private static List<String> suffixes(DateFeatures.Part part, List<DateFeatures.Part> wanted) {
        return switch (part) {
            case YEAR -> List.of("year");
            case MONTH -> List.of("month");
            case DAY -> List.of("day");
            case DAY_OF_WEEK -> List.of("dow");
            case HOUR -> List.of("hour");
            case ELAPSED -> List.of("elapsed_days");
            case CYCLICAL -> wanted.contains(DateFeatures.Part.HOUR)
                    ? List.of("month_sin", "month_cos", "dow_sin", "dow_cos", "hour_sin", "hour_cos")
                    : List.of("month_sin", "month_cos", "dow_sin", "dow_cos");
        };
    }

    private static double value(String suffix, ZonedDateTime time, long epochMillis, long origin) {
        double month = time.getMonthValue() - 1;
        double dow = time.getDayOfWeek().getValue() - 1;
        double hour = time.getHour() + time.getMinute() / 60.0;
        return switch (suffix) {
            case "year" -> time.getYear();
            case "month" -> time.getMonthValue();
            case "day" -> time.getDayOfMonth();
            case "dow" -> time.getDayOfWeek().getValue();
            case "hour" -> time.getHour();
            case "elapsed_days" -> (epochMillis - origin) / 86_400_000.0;
            case "month_sin" -> Math.sin(2 * Math.PI * month / 12);
            case "month_cos" -> Math.cos(2 * Math.PI * month / 12);
            case "dow_sin" -> Math.sin(2 * Math.PI * dow / 7);
            case "dow_cos" -> Math.cos(2 * Math.PI * dow / 7);
            case "hour_sin" -> Math.sin(2 * Math.PI * hour / 24);
            case "hour_cos" -> Math.cos(2 * Math.PI * hour / 24);
            default -> throw new IllegalStateException("unknown date part " + suffix);
        };
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE);
        ObjectNode columns = node.putObject("columns");
        parts.forEach((name, list) -> {
            ObjectNode c = columns.putObject(name).put("origin", origins.get(name));
            StepJson.putStrings(c, "parts", list.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
        });
        return node;
    }

    public static FittedDateFeatures fromJson(ObjectNode node) {
        Map<String, List<DateFeatures.Part>> parts = new LinkedHashMap<>();
        Map<String, Long> origins = new LinkedHashMap<>();
        node.path("columns").properties().forEach(e -> {
            origins.put(e.getKey(), e.getValue().path("origin").asLong());
            parts.put(e.getKey(), StepJson.strings(e.getValue().path("parts")).stream()
                    .map(p -> DateFeatures.Part.valueOf(p.toUpperCase(Locale.ROOT))).toList());
        });
        return new FittedDateFeatures(parts, origins);
    }
}
