package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Rosenbrock's banana function, minimum 0 at (1, 1). */
    private static final DifferentiableFunction ROSENBROCK = new DifferentiableFunction() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            gradient[0] = -2 * a - 400 * x[0] * b;
            gradient[1] = 200 * b;
            return a * a + 100 * b * b;
        }
    };

    @Test
    void minimisesRosenbrockFromTheClassicStart() {
        double[] start = {-1.2, 1};
        Lbfgs.Result result = new Lbfgs(10, 200, 1e-10, 0).minimize(ROSENBROCK, start);
        assertThat(result.converged()).isTrue();
        assertThat(result.x()).containsExactly(new double[] {1, 1}, within(1e-8));
        assertThat(result.value()).isCloseTo(0, within(1e-15));
        assertThat(start).containsExactly(-1.2, 1);
    }

    @Test
    void stopsAtOnceAtAStationaryPoint() {
        Lbfgs.Result result = new Lbfgs(10, 200, 1e-10, 0).minimize(ROSENBROCK, new double[] {1, 1});
        assertThat(result.iterations()).isZero();
        assertThat(result.converged()).isTrue();
    }

    @Test
    void reportsNoConvergenceWhenIterationsRunOut() {
        Lbfgs.Result result = new Lbfgs(10, 3, 1e-12, 0).minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(3);
    }

    @Test
    void solvesAnIllConditionedQuadratic() {
        double[] scales = {1, 10, 100, 1000, 10000};
        DifferentiableFunction quadratic = new DifferentiableFunction() {
            @Override
            public int dimension() {
                return scales.length;
            }

            @Override
            public double valueAndGradient(double[] x, double[] gradient) {
                double value = 0;
                for (int i = 0; i < x.length; i++) {
                    double d = x[i] - i;
                    value += 0.5 * scales[i] * d * d;
                    gradient[i] = scales[i] * d;
                }
                return value;
            }
        };
        Lbfgs.Result result = new Lbfgs(10, 500, 1e-9, 0).minimize(quadratic, new double[5]);
        assertThat(result.converged()).isTrue();
        assertThat(result.x()).containsExactly(new double[] {0, 1, 2, 3, 4}, within(1e-9));
    }
}
