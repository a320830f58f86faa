package dev.kiln.tune;

import dev.kiln.data.Checks;
import dev.kiln.learn.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every combination of a few values per dimension: all the values of a choice, and {@code pointsPerRange}
 * evenly spaced values (in log space for log ranges; fewer when an integer range is short) of a numeric
 * range. Trial {@code i} takes combination {@code i} of a seeded shuffle of the grid, so a search that stops
 * early has still covered the grid evenly. Immutable.
 */
public final class GridSampler implements Sampler {
    private final List<String> keys = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();
    private final int[] order;

    public GridSampler(SearchSpace space, int pointsPerRange, long seed) {
        Checks.checkArgument(pointsPerRange >= 2, "grid points per range must be >= 2: %s", pointsPerRange);
        long size = 1;
        for (SearchSpace.Dimension dimension : space.dimensions()) {
            List<String> levels = levels(dimension, pointsPerRange);
            keys.add(dimension.key());
            values.add(levels);
            size *= levels.size();
            Checks.checkArgument(size <= 1_000_000, "the grid has more than 1,000,000 points; use random or tpe");
        }
        order = new int[(int) size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static List<String> levels(SearchSpace.Dimension dimension, int points) {
        if (dimension instanceof SearchSpace.Choice choice) {
            return choice.values();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int p = 0; p < points; p++) {
            out.add(SpaceCoding.decode(dimension, (double) p / (points - 1)));
        }
        return List.copyOf(out);
    }

    @Override
    public Map<String, String> propose(int index, List<Trial> history, SplittableRandom random) {
        Checks.checkArgument(index >= 0 && index < order.length, "grid point %s is outside the grid of %s", index, order.length);
        int code = order[index];
        Map<String, String> point = new LinkedHashMap<>();
        for (int d = keys.size() - 1; d >= 0; d--) {
            List<String> levels = values.get(d);
            point.put(keys.get(d), levels.get(code % levels.size()));
            code /= levels.size();
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        keys.forEach(k -> ordered.put(k, point.get(k)));
        return ordered;
    }

    @Override
    public int size() {
        return order.length;
    }
}
