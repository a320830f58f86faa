package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.eval.Fold;
import dev.kiln.tune.FoldData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preparation of a fold is fitted on its training rows only. */
class FoldPreparerTest {

    @Test
    void imputationInsideAFoldUsesThatFoldsTrainingRowsOnly() {
        // x: rows 0-3 hold 1, 2, 3, 4; rows 4-7 hold 100 and missing values. Fold 0 trains on rows 0-3.
        double nan = Double.NaN;
        Frame features = Frame.of(NumericColumn.of("x", new double[] {1, 2, 3, 4, 100, nan, 100, nan}));
        Column target = NumericColumn.of("y", new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        List<Fold> folds = List.of(new Fold(0, 0, new int[] {0, 1, 2, 3}, new int[] {4, 5, 6, 7}),
                new Fold(0, 1, new int[] {4, 5, 6, 7}, new int[] {0, 1, 2, 3}));
        List<FoldData> prepared = FoldPreparer.prepare(features, target, folds, Spec.Prepare.defaults(), 1, 2);
        NumericColumn validation = prepared.get(0).validation().numeric("x");
        assertThat(validation.get(1)).isEqualTo(2.5); // the median of 1, 2, 3, 4, not of every row
        assertThat(validation.get(3)).isEqualTo(2.5);
        assertThat(prepared.get(0).train().rowCount()).isEqualTo(4);
        assertThat(prepared.get(1).train().numeric("x").get(1)).isEqualTo(100.0); // fold 1 fills with its own median
        assertThat(prepared.get(0).validationSize()).isEqualTo(4);
    }
}
