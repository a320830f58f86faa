package dev.kiln.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsiTest {

    @Test
    void identicalDistributionsGiveZero() {
        double[] p = {0.1, 0.2, 0.3, 0.4, 0.0};
        assertThat(Psi.between(p, p.clone())).isZero();
    }

    @Test
    void workedExample() {
        // (0.25 - 0.5) ln(0.25 / 0.5) + (0.75 - 0.5) ln(0.75 / 0.5) = 0.25 ln 2 + 0.25 ln 1.5 = 0.25 ln 3
        assertThat(Psi.between(new double[] {0.5, 0.5}, new double[] {0.25, 0.75})).isCloseTo(0.25 * Math.log(3), within(1e-12));
        assertThat(0.25 * Math.log(3)).isCloseTo(0.274653, within(1e-6));
    }

    @Test
    void isSymmetric() {
        double[] a = {0.2, 0.3, 0.5};
        double[] b = {0.4, 0.4, 0.2};
        assertThat(Psi.between(a, b)).isCloseTo(Psi.between(b, a), within(1e-15));
        assertThat(Psi.between(a, b)).isPositive();
    }

    @Test
    void emptyBinsAreFlooredSoThePsiStaysFinite() {
        // expected bin 2 is empty: counted as 1e-4
        double psi = Psi.between(new double[] {1.0, 0.0}, new double[] {0.5, 0.5});
        double byHand = (0.5 - 1.0) * Math.log(0.5 / 1.0) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
        assertThat(psi).isFinite().isCloseTo(byHand, within(1e-12));
        assertThat(psi).isCloseTo(4.60432, within(1e-5));
    }

    @Test
    void binEmptyOnBothSidesAddsNothing() {
        assertThat(Psi.between(new double[] {0.5, 0.5, 0.0}, new double[] {0.25, 0.75, 0.0}))
                .isCloseTo(0.25 * Math.log(3), within(1e-12));
        assertThat(Psi.FLOOR).isEqualTo(1e-4);
    }

    @Test
    void binCountsMustMatch() {
        assertThatThrownBy(() -> Psi.between(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bins differ: 2 vs 3");
    }
}
