package dev.kiln.learn.svm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SmoLoopsTest {
    private static final int N = 400;

    /** Random gradients, labels and bound states (ties included), and the masks the solver keeps for them. */
    private static final class Problem {
        final double[] g = new double[N];
        final double[] sign = new double[N];
        final byte[] status = new byte[N];
        final double[] upMask = new double[N];
        final double[] lowMask = new double[N];
        final double[] diagonal = new double[N];
        final float[] row = new float[N];
        final int[] variables;
        final int[] identity = new int[N];

        Problem(long seed) {
            Random random = new Random(seed);
            int[] listed = new int[N];
            int size = 0;
            for (int k = 0; k < N; k++) {
                g[k] = random.nextInt(5) == 0 ? -1 : random.nextGaussian(); // repeated values: ties must break alike
                sign[k] = random.nextBoolean() ? 1 : -1;
                status[k] = (byte) random.nextInt(3);
                boolean up = sign[k] == 1 ? status[k] != SmoSolver.UPPER : status[k] != SmoSolver.LOWER;
                boolean low = sign[k] == 1 ? status[k] != SmoSolver.LOWER : status[k] != SmoSolver.UPPER;
                upMask[k] = up ? 0 : Double.NEGATIVE_INFINITY;
                lowMask[k] = low ? 0 : Double.NEGATIVE_INFINITY;
                diagonal[k] = 1;
                row[k] = (float) random.nextDouble();
                identity[k] = k;
                if (random.nextInt(3) > 0) {
                    listed[size++] = k;
                }
            }
            variables = java.util.Arrays.copyOf(listed, size);
        }

        /** The selection's first pass as written with branches on the state (libsvm's select_working_set). */
        int referenceMostViolating(int[] vars) {
            double gMax = Double.NEGATIVE_INFINITY;
            int index = -1;
            for (int t : vars) {
                if (sign[t] == 1) {
                    if (status[t] != SmoSolver.UPPER && -g[t] >= gMax) {
                        gMax = -g[t];
                        index = t;
                    }
                } else if (status[t] != SmoSolver.LOWER && g[t] >= gMax) {
                    gMax = g[t];
                    index = t;
                }
            }
            return index;
        }

        /** The second pass as written with branches; {@code out[0]} = Gmax2. */
        int referencePartner(int[] vars, double gMax, double diagonalI, double[] out) {
            double gMax2 = Double.NEGATIVE_INFINITY;
            double objectiveMin = Double.POSITIVE_INFINITY;
            int index = -1;
            for (int j : vars) {
                double gradDiff;
                if (sign[j] == 1) {
                    if (status[j] == SmoSolver.LOWER) {
                        continue;
                    }
                    gradDiff = gMax + g[j];
                    gMax2 = Math.max(gMax2, g[j]);
                } else {
                    if (status[j] == SmoSolver.UPPER) {
                        continue;
                    }
                    gradDiff = gMax - g[j];
                    gMax2 = Math.max(gMax2, -g[j]);
                }
                if (gradDiff <= 0) {
                    continue;
                }
                double quad = diagonalI + diagonal[j] - 2.0 * row[j];
                double objective = -(gradDiff * gradDiff) / (quad > 0 ? quad : 1e-12);
                if (objective <= objectiveMin) {
                    index = j;
                    objectiveMin = objective;
                }
            }
            out[0] = gMax2;
            return index;
        }
    }

    @Test
    void maskedLoopsChooseWhatTheBranchingSelectionChooses() {
        for (long seed = 0; seed < 20; seed++) {
            Problem p = new Problem(seed);
            int[] vars = p.variables;
            int i = SmoLoops.mostViolating(p.g, p.sign, p.upMask, N);
            assertThat(i).isEqualTo(p.referenceMostViolating(p.identity));
            int listedI = SmoLoops.mostViolating(p.g, p.sign, p.upMask, vars, vars.length);
            assertThat(listedI).isEqualTo(p.referenceMostViolating(vars));

            double gMax = -p.sign[listedI] * p.g[listedI];
            double[] expected = new double[1];
            int reference = p.referencePartner(vars, gMax, 1, expected);
            double[] contiguousOut = new double[1];
            double[] listedOut = new double[1];
            double[] realOut = new double[1];
            assertThat(SmoLoops.partner(p.g, p.sign, p.lowMask, p.diagonal, p.row, 1, gMax, N, contiguousOut))
                    .isEqualTo(p.referencePartner(p.identity, gMax, 1, new double[1]));
            assertThat(SmoLoops.partner(p.g, p.sign, p.lowMask, p.diagonal, p.row, 1, gMax, vars, vars.length, listedOut))
                    .isEqualTo(reference);
            assertThat(SmoLoops.partner(p.g, p.sign, p.lowMask, p.diagonal, p.row, 1, gMax, vars, vars.length, p.identity,
                    realOut)).isEqualTo(reference);
            assertThat(listedOut[0]).isEqualTo(expected[0]);
            assertThat(realOut[0]).isEqualTo(expected[0]);
        }
    }

    @Test
    void noCandidateGivesNone() {
        double[] g = {1, 2};
        double[] sign = {1, -1};
        double[] closed = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] out = new double[1];
        assertThat(SmoLoops.mostViolating(g, sign, closed, 2)).isEqualTo(SmoLoops.NONE);
        assertThat(SmoLoops.partner(g, sign, closed, new double[] {1, 1}, new float[2], 1, 5, 2, out))
                .isEqualTo(SmoLoops.NONE);
        assertThat(out[0]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void fusedStepMatchesStepThenSearch() {
        Problem p = new Problem(7);
        Problem q = new Problem(7);
        float[] rowJ = new float[N];
        for (int k = 0; k < N; k++) {
            rowJ[k] = (float) (k % 7) / 7f;
        }
        int[] vars = p.variables;
        SmoLoops.step(p.g, p.sign, p.row, rowJ, 0.3, -0.7, vars, vars.length, p.identity);
        int expected = SmoLoops.mostViolating(p.g, p.sign, p.upMask, vars, vars.length);
        int fused = SmoLoops.stepAndMostViolating(q.g, q.sign, q.row, rowJ, 0.3, -0.7, q.upMask, vars, vars.length);
        assertThat(fused).isEqualTo(expected);
        assertThat(q.g).isEqualTo(p.g);
    }
}
