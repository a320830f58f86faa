package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.TimestampColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces each timestamp column by numeric parts (UTC): {@code NAME_year}, {@code _month} (1–12),
 * {@code _day} (1–31), {@code _dow} (1 = Monday … 7), {@code _hour}; cyclical sin/cos pairs of month,
 * day of week and hour; and {@code _elapsed_days} since a fitted origin (the earliest training
 * instant). Hour parts are only made for columns whose training values have a time of day. Missing
 * instants give NaN parts.
 */
public final class DateFeatures implements Transformer {
    /** One part to extract. */
    public enum Part { YEAR, MONTH, DAY, DAY_OF_WEEK, HOUR, CYCLICAL, ELAPSED }

    private final Set<Part> parts;

    public DateFeatures(Set<Part> parts) {
        this.parts = Set.copyOf(parts);
    }

    /** Every part. */
    public static DateFeatures all() {
        return new DateFeatures(Set.of(Part.values()));
    }

    @Override
    public FittedDateFeatures fit(Frame train) {
        Map<String, Long> origins = new LinkedHashMap<>();
        Map<String, List<Part>> partsByColumn = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (!(column instanceof TimestampColumn t)) {
                continue;
            }
            long origin = Long.MAX_VALUE;
            boolean timeOfDay = false;
            for (int i = 0; i < t.size(); i++) {
                long v = t.get(i);
                if (v != TimestampColumn.MISSING) {
                    origin = Math.min(origin, v);
                    timeOfDay |= Math.floorMod(v, 86_400_000L) != 0;
                }
            }
            List<Part> chosen = new ArrayList<>();
            for (Part part : Part.values()) {
                if (parts.contains(part) && (part != Part.HOUR || timeOfDay)) {
                    chosen.add(part);
                }
            }
            origins.put(t.name(), origin == Long.MAX_VALUE ? 0L : origin);
            partsByColumn.put(t.name(), chosen);
        }
        return new FittedDateFeatures(partsByColumn, origins);
    }
}
