package dev.kiln.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Known answers: the indexes were computed by an independent Python transcription of the papers' formulas, and
 * for Page-Hinkley checked by hand: after 100 values of 0.1 the sum rises by 90 / (100 + k) - 0.005 per value of
 * 1.0, so it passes 50 once 90 ln((100 + K) / 100) - 0.005 K > 50, at K = 76 (index 175).
 */
class DriftDetectorTest {
    private static int first(DriftDetector detector, double[] values, DriftDetector.State state) {
        for (int i = 0; i < values.length; i++) {
            if (detector.update(values[i]) == state) {
                return i;
            }
        }
        return -1;
    }

    private static double[] errorsThenAllWrong() {
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = i >= 200 || i % 10 == 0 ? 1 : 0;
        }
        return values;
    }

    @Test
    void ddmWarnsThenDetectsARiseOfTheErrorRate() {
        assertThat(first(Ddm.defaults(), errorsThenAllWrong(), DriftDetector.State.WARNING)).isEqualTo(204);
        assertThat(first(Ddm.defaults(), errorsThenAllWrong(), DriftDetector.State.DRIFT)).isEqualTo(209);
    }

    @Test
    void ddmStaysQuietOnAStableStreamAndRestartsAfterADrift() {
        double[] stable = new double[1000];
        for (int i = 0; i < stable.length; i += 5) {
            stable[i] = 1;
        }
        assertThat(first(Ddm.defaults(), stable, DriftDetector.State.DRIFT)).isEqualTo(-1);
        Ddm ddm = Ddm.defaults();
        first(ddm, errorsThenAllWrong(), DriftDetector.State.DRIFT);
        assertThat(ddm.count()).isZero();
        assertThatThrownBy(() -> ddm.update(0.5)).hasMessageContaining("0/1 errors");
    }

    @Test
    void pageHinkleyDetectsAMeanShiftAtTheKnownIndex() {
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 100 ? 0.1 : 1.0;
        }
        assertThat(first(PageHinkley.defaults(), values, DriftDetector.State.WARNING)).isEqualTo(132);
        assertThat(first(PageHinkley.defaults(), values, DriftDetector.State.DRIFT)).isEqualTo(175);
        double[] stable = new double[300];
        for (int i = 1; i < stable.length; i += 2) {
            stable[i] = 0.2;
        }
        assertThat(first(PageHinkley.defaults(), stable, DriftDetector.State.DRIFT)).isEqualTo(-1);
    }
}
