package dev.kiln.learn.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Back-propagation against central finite differences of the loss. */
class BackpropTest {

    @ParameterizedTest
    @CsvSource({"TANH,SIGMOID,1", "TANH,SOFTMAX,3", "TANH,LINEAR,1", "RELU,SOFTMAX,3", "RELU,LINEAR,1"})
    void gradientMatchesFiniteDifferences(Activation activation, Output output, int outputs) {
        Shape shape = new Shape(new int[] {3, 5, 4, outputs});
        SplittableRandom random = new SplittableRandom(17);
        int n = 70; // three blocks, the last one partial
        double[] x = new double[n * 3];
        int[] labels = new int[n];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = random.nextGaussian();
            }
            labels[i] = random.nextInt(Math.max(2, outputs));
            targets[i] = random.nextGaussian();
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = (i * 37) % n;
        }
        double[] theta = MlpTraining.initialise(shape, random);
        Backprop backprop = new Backprop(shape, activation, output, n, null);
        double l2 = 0.3;
        double[] gradient = new double[theta.length];
        backprop.lossAndGradient(theta, x, output == Output.LINEAR ? null : labels, targets, rows, 0, n, l2, null, gradient);
        double[] scratch = new double[theta.length];
        double h = 1e-6;
        for (int t = 0; t < theta.length; t++) {
            double saved = theta[t];
            theta[t] = saved + h;
            double plus = backprop.lossAndGradient(theta, x, labels, targets, rows, 0, n, l2, null, scratch);
            theta[t] = saved - h;
            double minus = backprop.lossAndGradient(theta, x, labels, targets, rows, 0, n, l2, null, scratch);
            theta[t] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertThat(gradient[t]).as("parameter %s", t).isCloseTo(numeric, org.assertj.core.api.Assertions.within(1e-6 + 1e-5 * Math.abs(numeric)));
        }
    }
}
