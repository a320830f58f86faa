package dev.kiln.tune;

import dev.kiln.learn.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Independent uniform draws over each dimension (log-uniform for log ranges; Bergstra and Bengio 2012). Immutable. */
public record RandomSampler(SearchSpace space) implements Sampler {
    @Override
    public Map<String, String> propose(int index, List<Trial> history, SplittableRandom random) {
        Map<String, String> point = new LinkedHashMap<>();
        for (SearchSpace.Dimension dimension : space.dimensions()) {
            point.put(dimension.key(), SpaceCoding.random(dimension, random));
        }
        return point;
    }
}
