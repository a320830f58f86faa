package dev.kiln.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CvResultTest {

    @Test
    void meanAndSampleStandardDeviationPerMetric() {
        CvResult cv = CvResult.of(List.of(Map.of("rmse", 1.0, "r2", 0.5), Map.of("rmse", 2.0, "r2", 0.7),
                Map.of("rmse", 3.0, "r2", 0.9)));
        assertThat(cv.mean("rmse")).isEqualTo(2.0);
        assertThat(cv.std("rmse")).isEqualTo(1.0); // sqrt(((1-2)^2 + 0 + (3-2)^2) / 2)
        assertThat(cv.mean("r2")).isCloseTo(0.7, within(1e-12));
        assertThat(cv.std("r2")).isCloseTo(0.2, within(1e-12));
        assertThat(cv.folds()).hasSize(3);
    }

    @Test
    void nanFoldsAreLeftOutAndASingleFoldHasNoSpread() {
        CvResult cv = CvResult.of(List.of(Map.of("roc_auc", Double.NaN), Map.of("roc_auc", 0.8)));
        assertThat(cv.mean("roc_auc")).isEqualTo(0.8);
        assertThat(cv.std("roc_auc")).isEqualTo(0.0);
        assertThat(cv.mean("unknown")).isNaN();
    }
}
