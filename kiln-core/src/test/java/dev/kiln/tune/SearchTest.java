package dev.kiln.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.eval.Metric;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.catalog.Learners;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTest {
    private static final CrossValidation CV = TuneFixtures.cv(TestFrames.noisyLinear(300, 0.5, 1), Task.REGRESSION, Metric.RMSE, 3, 7);

    @Test
    void theSameSeedGivesTheSameTrialsWithOneThreadOrMany() {
        SearchPlan one = SearchPlan.of(SearchMethod.TPE, 16, null, 5, 1);
        SearchPlan many = SearchPlan.of(SearchMethod.TPE, 16, null, 5, 3);
        List<Trial> a = Search.run(CV, "tree", Learners.space("tree"), one, SearchListener.NONE).trials();
        List<Trial> b = Search.run(CV, "tree", Learners.space("tree"), many, SearchListener.NONE).trials();
        assertThat(a).hasSize(16);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).params()).isEqualTo(a.get(i).params());
            assertThat(b.get(i).status()).isEqualTo(a.get(i).status());
            assertThat(b.get(i).cv().folds()).isEqualTo(a.get(i).cv().folds());
        }
    }

    @Test
    void randomSearchTriesTheDefaultsFirstAndFindsTheBest() {
        SearchResult result = Search.run(CV, "tree", Learners.space("tree"),
                new SearchPlan(SearchMethod.RANDOM, 8, null, false, 4, 3, 2, "rows", 3), SearchListener.NONE);
        assertThat(result.trials().get(0).params()).isEmpty();
        assertThat(result.trials()).allMatch(Trial::isComplete);
        double bestScore = result.trials().stream().mapToDouble(Trial::score).min().orElseThrow();
        assertThat(result.best().score()).isEqualTo(bestScore);
        assertThat(result.stopReason()).isEqualTo("trials");
        assertThat(result.best().cv().folds()).hasSize(3);
        assertThat(result.best().scoreStd()).isPositive();
    }

    @Test
    void gridStopsWhenEveryPointWasTried() {
        SearchResult result = Search.run(CV, "tree", Learners.space("tree"), SearchPlan.of(SearchMethod.GRID, 100, null, 1, 2),
                SearchListener.NONE);
        assertThat(result.trials()).hasSize(9); // 3 depths x 3 leaf sizes
        assertThat(result.stopReason()).isEqualTo("grid");
        assertThat(result.trials().stream().map(Trial::params).distinct()).hasSize(9);
    }

    @Test
    void prunedTrialsStopBeforeTheLastFold() {
        SearchResult result = Search.run(CV, "tree", Learners.space("tree"), SearchPlan.of(SearchMethod.RANDOM, 24, null, 9, 2),
                SearchListener.NONE);
        List<Trial> pruned = result.trials().stream().filter(t -> t.status() == TrialStatus.PRUNED).toList();
        assertThat(pruned).isNotEmpty();
        assertThat(pruned).allMatch(t -> t.cv().folds().size() < 3 && t.index() >= MedianPruner.MIN_TRIALS);
        assertThat(result.best().isComplete()).isTrue();
    }

    @Test
    void anExhaustedBudgetStopsTheSearch() {
        SearchResult result = Search.run(CV, "tree", Learners.space("tree"),
                SearchPlan.of(SearchMethod.RANDOM, 1000, Duration.ofMillis(300), 1, 2), SearchListener.NONE);
        assertThat(result.stopReason()).isEqualTo("budget");
        assertThat(result.trials().size()).isLessThan(1000);
        assertThat(result.seconds()).isLessThan(5);
    }

    @Test
    void successiveHalvingGivesTheSurvivorsMoreRows() {
        SearchResult result = Search.run(CV, "tree", Learners.space("tree"),
                new SearchPlan(SearchMethod.HALVING, 9, null, false, 4, 2, 2, "rows", 3), SearchListener.NONE);
        assertThat(result.trials()).hasSize(9 + 3 + 1);
        assertThat(result.trials().subList(0, 9)).allMatch(t -> Math.abs(t.rowFraction() - 1.0 / 9) < 1e-12);
        assertThat(result.trials().subList(9, 12)).allMatch(t -> Math.abs(t.rowFraction() - 1.0 / 3) < 1e-12);
        assertThat(result.trials().get(12).rowFraction()).isEqualTo(1.0);
        assertThat(result.best()).isEqualTo(result.trials().get(12));
    }

    @Test
    void hyperbandWithTreesAsTheResourceSetsTheTreeCount() {
        CrossValidation small = TuneFixtures.cv(TestFrames.noisyLinear(120, 0.5, 2), Task.REGRESSION, Metric.RMSE, 2, 3);
        SearchResult result = Search.run(small, "gbm", Learners.space("gbm"),
                new SearchPlan(SearchMethod.HYPERBAND, 5, null, false, 4, 2, 2, "trees", 3), SearchListener.NONE);
        assertThat(result.trials()).isNotEmpty();
        assertThat(result.trials()).allMatch(t -> t.params().containsKey("trees") && t.rowFraction() == 1);
        assertThat(result.trials().stream().map(t -> Integer.parseInt(t.params().get("trees"))).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void aTrialStillRunningAtTheHardDeadlineIsAbandoned() {
        try (TrialRunner runner = new TrialRunner(CV, 1, 1)) {
            List<Trial> out = runner.run(List.of(new Proposal(0, "gbm", Map.of("trees", "400"), 1)), CrossValidation.Pruner.NEVER,
                    Long.MAX_VALUE, System.nanoTime() + 20_000_000L, false);
            assertThat(out.get(0).status()).isEqualTo(TrialStatus.TIMED_OUT);
            assertThat(out.get(0).error()).contains("abandoned");
        }
    }

    @Test
    void aBadPointFailsItsTrialWithTheReason() {
        Trial trial = CV.evaluate(0, "tree", Map.of("max_depth", "0"), 1, 1, CrossValidation.Pruner.NEVER, Long.MAX_VALUE, false);
        assertThat(trial.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(trial.error()).contains("max_depth");
    }
}
