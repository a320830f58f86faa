package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void solvesASymmetricPositiveDefiniteSystem() {
        double[] a = {4, 12, -16, 12, 37, -43, -16, -43, 98};
        Cholesky cholesky = Cholesky.factor(a, 3);
        assertThat(cholesky).isNotNull();
        double[] x = cholesky.solve(new double[] {4 + 24 - 48, 12 + 74 - 129, -16 - 86 + 294});
        assertThat(x).containsExactly(new double[] {1, 2, 3}, within(1e-10));
    }

    @Test
    void refusesSingularMatrices() {
        assertThat(Cholesky.factor(new double[] {1, 2, 2, 4}, 2)).isNull();
        assertThat(Cholesky.factor(new double[] {1, 0, 0, 0}, 2)).isNull();
    }
}
