package dev.kiln.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.Frame;
import dev.kiln.learn.glm.LogisticLearner;
import dev.kiln.learn.tree.CartLearner;
import dev.kiln.learn.tree.CartParams;
import org.junit.jupiter.api.Test;

/** Batch predictions made row by row in parallel blocks carry exactly the one-row path's bits, for every row. */
class RowByRowTest {
    @Test
    void parallelBlocksGiveTheOneRowBits() {
        Frame frame = TestFrames.blobs(3, 6_000, 11); // 18,000 rows: several blocks on the pool
        TrainOptions options = TrainOptions.of("y", Task.MULTICLASS, 1);
        for (Model model : new Model[] {new LogisticLearner().fit(frame, options),
                new CartLearner(new CartParams(8, 2, 1)).fit(frame, options)}) {
            Predictions batch = model.predict(frame);
            double[] x = new double[2];
            double[] out = new double[3];
            for (int i = 0; i < frame.rowCount(); i++) {
                x[0] = frame.numeric("x0").get(i);
                x[1] = frame.numeric("x1").get(i);
                model.predictRow(x, out);
                for (int c = 0; c < 3; c++) {
                    assertThat(Double.compare(batch.probability(i, c), out[c])).as("%s row %d class %d", model.type(), i, c).isZero();
                }
            }
        }
    }
}
