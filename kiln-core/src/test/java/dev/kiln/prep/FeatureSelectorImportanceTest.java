package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSelectorImportanceTest {
    private static final double NA = Double.NaN;

    private static Frame frame() {
        return Frame.of(NumericColumn.of("a", new double[] {1, 2, 3, 4}), NumericColumn.of("flat", new double[] {5, 5, 5, 5}),
                NumericColumn.of("b", new double[] {4, 1, 3, 2}), NumericColumn.of("c", new double[] {0, 1, 0, 1}),
                NumericColumn.of("d", new double[] {2, 2, 3, 3}));
    }

    /** Scores a = 1, b = 6, c = 3, d = 0 by name, and records the columns it was shown. */
    private static final class FixedScores implements FeatureImportance {
        final List<String> seen = new ArrayList<>();

        @Override
        public double[] score(Frame features, Column target) {
            seen.addAll(features.names());
            double[] out = new double[features.columnCount()];
            for (int j = 0; j < out.length; j++) {
                out[j] = switch (features.names().get(j)) {
                    case "a" -> 1;
                    case "b" -> 6;
                    case "c" -> 3;
                    default -> 0;
                };
            }
            return out;
        }
    }

    @Test
    void keepsTheTopFeaturesByImportanceAfterTheOtherFilters() {
        FixedScores scores = new FixedScores();
        var selector = new FeatureSelector(0.0, NA, 0, new FeatureSelector.ImportanceRule(scores, 2, NA));
        SupervisedTransformer.Result result = selector.fit(frame(), NumericColumn.of("y", new double[] {1, 2, 3, 4}));
        assertThat(scores.seen).containsExactly("a", "b", "c", "d");
        assertThat(result.trainOutput().names()).containsExactly("b", "c");
        assertThat(((DropColumns) result.fitted()).dropped()).extracting(DropColumns.Dropped::reason)
                .contains("model importance share 0.1000, rank 3 > 2", "model importance share 0.0000, rank 4 > 2");
        assertThat(result.fitted().apply(frame()).names()).containsExactly("b", "c");
    }

    @Test
    void dropsFeaturesUnderAShareOfTheTotalImportance() {
        var selector = new FeatureSelector(NA, NA, 0, new FeatureSelector.ImportanceRule(new FixedScores(), 0, 0.2));
        SupervisedTransformer.Result result = selector.fit(frame(), NumericColumn.of("y", new double[] {1, 2, 3, 4}));
        assertThat(result.trainOutput().names()).containsExactly("b", "c");
        assertThat(((DropColumns) result.fitted()).dropped()).extracting(DropColumns.Dropped::column)
                .containsExactlyInAnyOrder("a", "flat", "d");
    }

    @Test
    void theRuleNeedsExactlyOneOfCountAndShare() {
        assertThatThrownBy(() -> new FeatureSelector.ImportanceRule(new FixedScores(), 3, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("importance: give either a count");
        assertThatThrownBy(() -> new FeatureSelector.ImportanceRule(new FixedScores(), 0, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("importance: the share threshold");
    }
}
