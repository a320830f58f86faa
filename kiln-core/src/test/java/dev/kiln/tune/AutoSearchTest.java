package dev.kiln.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.eval.Metric;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoSearchTest {
    private static final CrossValidation CV = TuneFixtures.cv(TestFrames.blobs(2, 60, 4), Task.BINARY, Metric.LOG_LOSS, 3, 2);

    private static AutoPlan plan(int trials, int threads) {
        return plan(List.of("logistic", "tree", "extra_trees"), trials, threads);
    }

    private static AutoPlan plan(List<String> learners, int trials, int threads) {
        return new AutoPlan(learners, null, trials, 0, true, 4, 7, threads);
    }

    @Test
    void triesEveryFamilysDefaultsFirstAndRanksTheLeaderboard() {
        AutoResult result = AutoSearch.run(CV, plan(14, 2), SearchListener.NONE);
        assertThat(result.leaderboard()).hasSize(14);
        List<Trial> byIndex = result.leaderboard().stream().sorted(java.util.Comparator.comparingInt(Trial::index)).toList();
        assertThat(byIndex.subList(0, 2)).extracting(Trial::learner).containsExactly("logistic", "tree");
        assertThat(byIndex.subList(0, 2)).allMatch(t -> t.params().isEmpty());
        for (String family : List.of("logistic", "tree", "extra_trees")) { // each family's defaults before its other settings
            List<Trial> own = byIndex.stream().filter(t -> t.learner().equals(family)).toList();
            assertThat(own.get(0).params()).as(family).isEmpty();
        }
        int forest = byIndex.stream().filter(t -> t.learner().equals("extra_trees")).findFirst().orElseThrow().index();
        assertThat(forest).as("the costly family starts one turn late").isEqualTo(4);
        List<Trial> complete = result.leaderboard().stream().filter(Trial::isComplete).toList();
        for (int i = 1; i < complete.size(); i++) {
            assertThat(complete.get(i).score()).isGreaterThanOrEqualTo(complete.get(i - 1).score());
        }
        assertThat(result.stopReason()).isEqualTo("trials");
        assertThat(result.leaderboard()).allMatch(t -> t.outOfFold() == null);
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        AutoResult one = AutoSearch.run(CV, plan(List.of("logistic", "tree"), 12, 1), SearchListener.NONE);
        AutoResult many = AutoSearch.run(CV, plan(List.of("logistic", "tree"), 12, 3), SearchListener.NONE);
        assertThat(many.leaderboard().stream().map(Trial::label).toList())
                .isEqualTo(one.leaderboard().stream().map(Trial::label).toList());
        assertThat(many.leaderboard().stream().map(Trial::score).toList())
                .isEqualTo(one.leaderboard().stream().map(Trial::score).toList());
        assertThat(many.chosen().stream().map(Trial::label).toList()).isEqualTo(one.chosen().stream().map(Trial::label).toList());
        assertThat(many.weights()).containsExactly(one.weights());
    }

    @Test
    void aBlendIsChosenOnlyWhenItBeatsTheBestAloneOutOfFold() {
        AutoResult result = AutoSearch.run(CV, plan(12, 2), SearchListener.NONE);
        if (result.isEnsemble()) {
            assertThat(result.blendScore()).isLessThan(result.singleScore());
            assertThat(result.chosen().get(0)).isEqualTo(result.best());
        } else {
            assertThat(result.chosen()).containsExactly(result.best());
        }
    }

    @Test
    void convergenceStopsASearchThatNoLongerImproves() {
        AutoPlan converging = new AutoPlan(List.of("logistic"), null, 200, 6, false, 4, 7, 2);
        AutoResult result = AutoSearch.run(CV, converging, SearchListener.NONE);
        assertThat(result.stopReason()).isEqualTo("converged");
        assertThat(result.leaderboard().size()).isLessThan(200);
    }
}
