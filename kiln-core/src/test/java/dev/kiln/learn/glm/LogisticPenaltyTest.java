package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import org.junit.jupiter.api.Test;

/**
 * L1 and elastic-net logistic regression against scikit-learn 1.2.1 (/usr/bin/python3):
 * {@code LogisticRegression(penalty=..., C=..., solver="saga", tol=1e-12, max_iter=1000000).fit(X, y)}
 * on {@link #design}, {@code coef_} and {@code intercept_} pasted. Kiln's {@code l1 = ρ/C}, {@code l2 = (1-ρ)/C}.
 */
class LogisticPenaltyTest {
    private static final int N = 60;
    private static final int P = 6;

    /** x_ij = sin(0.9 i (j+1) + 0.5 j)(1 + 0.5 j). */
    private static double[][] design() {
        double[][] x = new double[P][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < P; j++) {
                x[j][i] = Math.sin(0.9 * i * (j + 1) + 0.5 * j) * (1 + 0.5 * j);
            }
        }
        return x;
    }

    /** y = [x0 - 0.8 x1 + 0.3 sin(2.1 i) > 0]. */
    private static Frame binary() {
        double[][] x = design();
        int[] codes = new int[N];
        for (int i = 0; i < N; i++) {
            codes[i] = x[0][i] - 0.8 * x[1][i] + 0.3 * Math.sin(2.1 * i) > 0 ? 1 : 0;
        }
        return TestFrames.classification(x, codes, 2);
    }

    private static LogisticModel fit(Frame frame, Task task, double l1, double l2) {
        return new LogisticLearner(new LogisticParams(l2, 20_000, 1e-11, l1)).fit(frame, new TrainOptions("y", task, 0, 1));
    }

    private static void assertMatches(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).containsExactly(expected, within(2e-5));
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j] == 0).as("%s: zero pattern at %s (%s)", what, j, actual[j]).isEqualTo(expected[j] == 0);
        }
    }

    @Test
    void lassoMatchesScikitLearnSagaIncludingItsZeros() {
        Object[][] cases = { // C, coef_, intercept_ of penalty="l1"
            {0.05, new double[] {0.0, 0.0, 0.0, 0.0, -0.3262312455344404, 0.10510220698119727}, 0.06444429679872625},
            {0.2, new double[] {0.0, -0.1987649282027451, 0.0, -0.37370321659172745, -0.7023443651784164, 0.3677232804846114},
                0.07892463897697989},
            {1.0, new double[] {0.0, -3.386753827615568, -0.13757217115542195, -0.5643799249253012, 0.0, 0.7180781727080939},
                0.1754213226385597},
        };
        for (Object[] c : cases) {
            double inverseC = 1 / (double) c[0];
            LogisticModel model = fit(binary(), Task.BINARY, inverseC, 0);
            assertMatches(model.coefficients(), (double[]) c[1], "C " + c[0]);
            assertThat(model.intercepts()[0]).isCloseTo((double) c[2], within(2e-5));
        }
    }

    @Test
    void elasticNetMatchesScikitLearnSaga() {
        // penalty="elasticnet", l1_ratio=0.5, C=0.2
        double[] expected = {0.0, -0.6378405776853371, -0.10884756658113039, -0.36152089258553044, -0.5898162352223411,
            0.4061000768549909};
        LogisticModel model = fit(binary(), Task.BINARY, 0.5 / 0.2, 0.5 / 0.2);
        assertMatches(model.coefficients(), expected, "elastic net");
        assertThat(model.intercepts()[0]).isCloseTo(0.09581735087101359, within(2e-5));
    }

    @Test
    void multinomialLassoMatchesScikitLearnSaga() {
        // y = 0 if x0 > 0.3, else 1 if x1 > 0, else 2; penalty="l1", C=0.5, multi_class="multinomial"
        double[][] x = design();
        int[] codes = new int[N];
        for (int i = 0; i < N; i++) {
            codes[i] = x[0][i] > 0.3 ? 0 : x[1][i] > 0 ? 1 : 2;
        }
        LogisticModel model = fit(TestFrames.classification(x, codes, 3), Task.MULTICLASS, 2, 0);
        double[] expected = {
            0.0, 0.0, 0.0, 0.0, 0.0, 0.9727467002282304,
            0.0, 0.0, 0.0, 0.6748293559793495, 1.7294969899757588, 0.0,
            0.0, 0.0, 0.0, 0.0, -0.49272410678526285, -0.7151513572453192};
        assertMatches(model.coefficients(), expected, "multinomial");
        // unpenalised intercepts are defined up to a common shift (softmax ignores it); scikit-learn's sum to 0
        double[] intercepts = model.intercepts();
        double shift = (intercepts[0] + intercepts[1] + intercepts[2]) / 3;
        assertThat(new double[] {intercepts[0] - shift, intercepts[1] - shift, intercepts[2] - shift})
                .containsExactly(new double[] {1.3134325652092709, -0.9375557971845296, -0.3758767680246634}, within(2e-5));
    }

    @Test
    void withoutL1TheFitIsTheL2OneBitForBit() {
        LogisticModel plain = new LogisticLearner(new LogisticParams(0.7, 300, 1e-9))
                .fit(binary(), new TrainOptions("y", Task.BINARY, 0, 1));
        LogisticModel withKey = new LogisticLearner(new LogisticParams(0.7, 300, 1e-9, 0))
                .fit(binary(), new TrainOptions("y", Task.BINARY, 0, 1));
        assertThat(withKey.coefficients()).isEqualTo(plain.coefficients());
    }
}
