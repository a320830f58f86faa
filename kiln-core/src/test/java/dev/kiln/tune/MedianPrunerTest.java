package dev.kiln.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {

    @Test
    void prunesARunningMeanWorseThanTheMedianAtTheSameFold() {
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            history.add(TuneFixtures.trial(i, Map.of(), 1.0 + i, 1.0 + i, 1.0 + i)); // running means 1..5, median 3
        }
        MedianPruner pruner = MedianPruner.of(history, "rmse", false, 3, 5);
        assertThat(pruner.prune(1, 3.5)).isTrue();
        assertThat(pruner.prune(1, 2.5)).isFalse();
        assertThat(pruner.prune(2, 3.5)).isTrue();
        assertThat(pruner.prune(3, 99)).isFalse(); // never after the last fold
    }

    @Test
    void waitsForEnoughTrials() {
        List<Trial> history = List.of(TuneFixtures.trial(0, Map.of(), 1, 1), TuneFixtures.trial(1, Map.of(), 2, 2));
        assertThat(MedianPruner.of(history, "rmse", false, 2, 5).prune(1, 100)).isFalse();
    }
}
