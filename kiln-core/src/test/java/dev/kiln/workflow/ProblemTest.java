package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Task;
import org.junit.jupiter.api.Test;

/** How the task is read off the target when {@code kiln train} is not told. */
class ProblemTest {
    private static Frame frame(double[] target) {
        double[] x = new double[target.length];
        return Frame.of(NumericColumn.of("x", x), NumericColumn.of("y", target));
    }

    @Test
    void fewIntegerValuesAreClassesAndManyOrFractionsAreRegression() {
        assertThat(Problem.of(frame(new double[] {0, 1, 1, 0}), "y", null).task()).isEqualTo(Task.BINARY);
        assertThat(Problem.of(frame(new double[] {1, 2, 3, 2}), "y", null).task()).isEqualTo(Task.MULTICLASS);
        assertThat(Problem.of(frame(new double[] {0, 1, 0.5, 1}), "y", null).task()).isEqualTo(Task.REGRESSION);
        double[] many = new double[Problem.MAX_INFERRED_CLASSES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        assertThat(Problem.of(frame(many), "y", null).task()).isEqualTo(Task.REGRESSION);
        assertThat(Problem.of(frame(many), "y", Task.MULTICLASS).task()).isEqualTo(Task.MULTICLASS);
    }

    @Test
    void labelsAreClassesAndAnExplicitTaskMustMatchTheClassCount() {
        Frame labels = Frame.of(NumericColumn.of("x", new double[3]),
                CategoricalColumn.ofLabels("y", new String[] {"a", "b", "c"}));
        assertThat(Problem.of(labels, "y", null).task()).isEqualTo(Task.MULTICLASS);
        assertThatThrownBy(() -> Problem.of(labels, "y", Task.BINARY)).isInstanceOf(InvalidDataException.class)
                .hasMessage("target 'y' has 3 classes, so the task is multiclass, not binary");
        assertThatThrownBy(() -> Problem.of(labels, "z", null)).hasMessage("no target column 'z' (columns: x, y)");
    }

    @Test
    void evenlySpacedRowsCoverTheRangeInOrder() {
        assertThat(Trainer.evenlySpaced(10, 4)).containsExactly(0, 2, 5, 7);
        assertThat(Trainer.evenlySpaced(3, 10)).containsExactly(0, 1, 2);
    }
}
