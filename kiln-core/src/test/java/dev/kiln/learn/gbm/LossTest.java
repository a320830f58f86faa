package dev.kiln.learn.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.learn.Task;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LossTest {
    private static final double STEP = 1e-6;

    @Test
    void everyLossGradientMatchesNumericDerivative() {
        for (Loss loss : List.of(new LogLoss(), new SquaredError(), new AbsoluteError(), new HuberLoss(0.7), new QuantileLoss(0.3))) {
            boolean classifier = loss instanceof LogLoss;
            Random random = new Random(1);
            int n = 50;
            double[] y = new double[n];
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = classifier ? random.nextInt(2) : random.nextGaussian() * 2;
                raw[i] = random.nextGaussian() * 2;
                if (Math.abs(raw[i] - y[i]) < 0.01 || Math.abs(Math.abs(raw[i] - y[i]) - 0.7) < 0.01) {
                    raw[i] += 0.1;   // keep away from kinks
                }
            }
            checkGradients(loss, raw, y, !(loss instanceof AbsoluteError || loss instanceof HuberLoss || loss instanceof QuantileLoss));
        }
    }

    @Test
    void softmaxGradientAndDiagonalHessianMatchNumericDerivatives() {
        int k = 3;
        int n = 20;
        Random random = new Random(2);
        double[] y = new double[n];
        double[] raw = new double[k * n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(k);
        }
        for (int i = 0; i < raw.length; i++) {
            raw[i] = random.nextGaussian();
        }
        checkGradients(new SoftmaxLoss(k), raw, y, true);
    }

    /** Checks grad (and hess when {@code exactHessian}) against central differences of the loss, entry by entry. */
    private static void checkGradients(Loss loss, double[] raw, double[] y, boolean exactHessian) {
        double[] grad = new double[raw.length];
        double[] hess = new double[raw.length];
        loss.gradients(raw, y, grad, hess);
        for (int e = 0; e < raw.length; e++) {
            double up = lossWith(loss, raw, y, e, STEP);
            double down = lossWith(loss, raw, y, e, -STEP);
            double numeric = (up - down) / (2 * STEP);
            assertThat(grad[e]).as("%s gradient %s", loss.name(), e).isCloseTo(numeric, within(1e-5));
            if (exactHessian) {
                double[] gradUp = new double[raw.length];
                double[] gradDown = new double[raw.length];
                double[] ignored = new double[raw.length];
                raw[e] += STEP;
                loss.gradients(raw, y, gradUp, ignored);
                raw[e] -= 2 * STEP;
                loss.gradients(raw, y, gradDown, ignored);
                raw[e] += STEP;
                assertThat(hess[e]).as("%s hessian %s", loss.name(), e).isCloseTo((gradUp[e] - gradDown[e]) / (2 * STEP), within(1e-5));
            } else {
                assertThat(hess[e]).isEqualTo(1.0);
            }
        }
    }

    private static double lossWith(Loss loss, double[] raw, double[] y, int entry, double delta) {
        raw[entry] += delta;
        double value = loss.loss(raw, y, 0, y.length);
        raw[entry] -= delta;
        return value;
    }

    @Test
    void baselinesMinimiseTheirLoss() {
        double[] y = {1, 2, 3, 4, 10};
        assertThat(new SquaredError().baseline(y)[0]).isEqualTo(4.0);
        assertThat(new AbsoluteError().baseline(y)[0]).isEqualTo(3.0);
        assertThat(new QuantileLoss(0.9).baseline(y)[0]).isEqualTo(10.0);
        assertThat(new LogLoss().baseline(new double[] {1, 1, 1, 0})[0]).isCloseTo(Math.log(3), within(1e-12));
        double[] softmax = new SoftmaxLoss(3).baseline(new double[] {0, 1, 1, 2});
        assertThat(softmax[1] - softmax[0]).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void transformGivesProbabilities() {
        double[] out = {0.0, 99};
        new LogLoss().transform(out);
        assertThat(out).containsExactly(0.5, 0.5);
        double[] three = {1, 1, 1};
        new SoftmaxLoss(3).transform(three);
        assertThat(three[0] + three[1] + three[2]).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void transformRowsGivesEachRowTransformsValuesAtItsPlace() {
        Random random = new Random(7);
        for (Loss loss : List.of(new LogLoss(), new SoftmaxLoss(3), new SquaredError(), new AbsoluteError(), new HuberLoss(0.7),
                new QuantileLoss(0.3))) {
            int outputs = loss.outputs();
            int width = loss instanceof LogLoss ? 2 : outputs;
            int rows = 11;
            int stride = 16; // output k of row i at k * stride + i, as a block of batch prediction keeps them
            double[] scores = new double[outputs * stride];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = 8 * random.nextGaussian();
            }
            int at = 3;
            double[] out = new double[at + rows * width + 1];
            loss.transformRows(scores, stride, rows, out, at, width);
            for (int i = 0; i < rows; i++) {
                double[] row = new double[Math.max(width, outputs)];
                for (int k = 0; k < outputs; k++) {
                    row[k] = scores[k * stride + i];
                }
                loss.transform(row);
                for (int c = 0; c < width; c++) {
                    assertThat(out[at + i * width + c]).as("%s row %s value %s", loss.name(), i, c).isEqualTo(row[c]);
                }
            }
            assertThat(out[0]).isZero();
            assertThat(out[out.length - 1]).isZero();
        }
    }

    @Test
    void ofPicksByTaskAndRejectsMismatches() {
        assertThat(Loss.of("auto", Task.BINARY, 2, 1, 0.5)).isInstanceOf(LogLoss.class);
        assertThat(Loss.of("auto", Task.MULTICLASS, 4, 1, 0.5).outputs()).isEqualTo(4);
        assertThat(Loss.of("auto", Task.REGRESSION, 0, 1, 0.5)).isInstanceOf(SquaredError.class);
        assertThat(Loss.of("huber", Task.REGRESSION, 0, 1, 0.5)).isInstanceOf(HuberLoss.class);
        assertThatThrownBy(() -> Loss.of("huber", Task.BINARY, 2, 1, 0.5)).hasMessageContaining("loss");
        assertThatThrownBy(() -> Loss.of("poisson", Task.REGRESSION, 0, 1, 0.5)).hasMessageContaining("'poisson'");
    }
}
