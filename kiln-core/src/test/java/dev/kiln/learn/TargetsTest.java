package dev.kiln.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import org.junit.jupiter.api.Test;

class TargetsTest {
    @Test
    void labelledRowsKeepOnlyRowsWithATargetAndTheFrameItselfWhenAllHaveOne() {
        Frame partly = Frame.of(NumericColumn.of("x", new double[] {1, 2, 3}),
                CategoricalColumn.ofLabels("y", new String[] {"a", null, "b"}));
        Frame labelled = Targets.labelledRows(partly, "y");
        assertThat(labelled.numeric("x").toArray()).containsExactly(1, 3);
        assertThat(labelled.rowCount()).isEqualTo(2);

        Frame complete = Frame.of(NumericColumn.of("x", new double[] {1, 2}), NumericColumn.of("y", new double[] {0, 1}));
        assertThat(Targets.labelledRows(complete, "y")).isSameAs(complete);
    }
}
