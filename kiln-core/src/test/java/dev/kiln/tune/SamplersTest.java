package dev.kiln.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.learn.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplersTest {
    private static final SearchSpace SPACE = SearchSpace.of(SearchSpace.reals("x", 0, 1), SearchSpace.choice("kind", "a", "b"));

    @Test
    void randomDrawsStayInTheirRangesAndFollowTheSeed() {
        SearchSpace space = SearchSpace.of(SearchSpace.logInts("trees", 10, 1000), SearchSpace.logReals("rate", 0.01, 0.3));
        RandomSampler sampler = new RandomSampler(space);
        for (int i = 0; i < 200; i++) {
            Map<String, String> point = sampler.propose(i, List.of(), Search.random(3, i));
            assertThat(Integer.parseInt(point.get("trees"))).isBetween(10, 1000);
            assertThat(Double.parseDouble(point.get("rate"))).isBetween(0.01, 0.3);
            assertThat(point).isEqualTo(sampler.propose(i, List.of(), Search.random(3, i)));
        }
    }

    @Test
    void gridEnumeratesEveryCombinationOnce() {
        GridSampler grid = new GridSampler(SearchSpace.of(SearchSpace.ints("depth", 2, 3), SearchSpace.reals("l2", 0, 1),
                SearchSpace.choice("f", "sqrt", "log2")), 3, 5);
        assertThat(grid.size()).isEqualTo(2 * 3 * 2);
        Set<Map<String, String>> seen = new HashSet<>();
        for (int i = 0; i < grid.size(); i++) {
            seen.add(grid.propose(i, List.of(), new SplittableRandom(0)));
        }
        assertThat(seen).hasSize(12).contains(Map.of("depth", "2", "l2", "0.5", "f", "log2"));
    }

    @Test
    void tpeConcentratesWhereTheScoresAreGood() {
        // rmse = (x - 0.2)^2, plus a penalty for kind b: the good region is x near 0.2 with kind a.
        List<Trial> history = new ArrayList<>();
        RandomSampler prior = new RandomSampler(SPACE);
        for (int i = 0; i < 40; i++) {
            Map<String, String> p = prior.propose(i, List.of(), Search.random(11, i));
            double x = Double.parseDouble(p.get("x"));
            history.add(TuneFixtures.trial(i, p, (x - 0.2) * (x - 0.2) + (p.get("kind").equals("b") ? 0.2 : 0)));
        }
        TpeSampler tpe = new TpeSampler(SPACE, false, 10);
        double tpeError = 0;
        double randomError = 0;
        int kindA = 0;
        for (int i = 40; i < 140; i++) {
            Map<String, String> p = tpe.propose(i, history, Search.random(11, i));
            tpeError += Math.abs(Double.parseDouble(p.get("x")) - 0.2);
            kindA += p.get("kind").equals("a") ? 1 : 0;
            randomError += Math.abs(Double.parseDouble(prior.propose(i, List.of(), Search.random(11, i)).get("x")) - 0.2);
        }
        assertThat(tpeError).isLessThan(0.5 * randomError);
        assertThat(kindA).isGreaterThan(80);
    }

    @Test
    void tpeDrawsAtRandomUntilItHasEnoughTrials() {
        TpeSampler tpe = new TpeSampler(SPACE, false, 10);
        List<Trial> few = List.of(TuneFixtures.trial(0, Map.of("x", "0.1", "kind", "a"), 1.0));
        assertThat(tpe.propose(1, few, Search.random(2, 1))).isEqualTo(new RandomSampler(SPACE).propose(1, few, Search.random(2, 1)));
    }
}
