package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransformersTest {
    private static final double NA = Double.NaN;

    @Test
    void declaredTokensBecomeMissingAndIndicatorsRecordThem() {
        Frame frame = Frame.of(NumericColumn.of("glucose", new double[] {0, 100, 120, 0}),
                CategoricalColumn.ofLabels("job", new String[] {"unknown", "admin", "admin", "tech"}));
        Frame tokens = new MissingTokens(Map.of("glucose", List.of("0"), "job", List.of("unknown"))).apply(frame);
        assertThat(tokens.column("glucose").missingCount()).isEqualTo(2);
        assertThat(tokens.column("job").missingCount()).isEqualTo(1);
        Frame filled = new Imputer(Imputer.NumericStrategy.MEDIAN, 0, null, true).fit(tokens).apply(tokens);
        assertThat(filled.numeric("glucose").toArray()).containsExactly(110, 100, 120, 110);
        assertThat(filled.numeric("glucose_missing").toArray()).containsExactly(1, 0, 0, 1);
        assertThat(filled.categorical("job").label(0)).isEqualTo("admin");
    }

    @Test
    void knnFillsFromTheNearestRows() {
        Frame frame = Frame.of(NumericColumn.of("x", new double[] {1, 2, 10, 11, 10.5}),
                NumericColumn.of("y", new double[] {5, 6, 50, 52, NA}));
        Frame out = new KnnImputer(2, 100).fit(frame).apply(frame);
        assertThat(out.numeric("y").get(4)).isEqualTo(51.0);
    }

    @Test
    void duplicatesAreCountedAndKeepFirstOrLast() {
        Frame frame = Frame.of(NumericColumn.of("id", new double[] {1, 1, 2, 1}), NumericColumn.of("v", new double[] {7, 7, 8, 9}));
        assertThat(new DropDuplicates(List.of(), DropDuplicates.Keep.FIRST).select(frame).kept()).containsExactly(0, 2, 3);
        RowFilter.RowSelection byKey = new DropDuplicates(List.of("id"), DropDuplicates.Keep.LAST).select(frame);
        assertThat(byKey.kept()).containsExactly(2, 3);
        assertThat(byKey.dropped()).isEqualTo(2);
        assertThat(byKey.reason()).contains("dropped 2 duplicate");
    }

    @Test
    void iqrRuleClipsFlagsOrDrops() {
        Frame frame = Frame.of(NumericColumn.of("x", new double[] {1, 2, 3, 4, 100}));
        assertThat(OutlierRule.of(OutlierRule.Method.IQR, OutlierRule.Action.CLIP).fit(frame).apply(frame).numeric("x").get(4))
                .isEqualTo(4 + 1.5 * 2);
        assertThat(OutlierRule.of(OutlierRule.Method.IQR, OutlierRule.Action.FLAG).fit(frame).apply(frame).numeric("x_outlier").toArray())
                .containsExactly(0, 0, 0, 0, 1);
        FittedOutlierBounds drop = OutlierRule.of(OutlierRule.Method.IQR, OutlierRule.Action.DROP).fit(frame);
        assertThat(drop.select(frame).kept()).containsExactly(0, 1, 2, 3);
        assertThat(drop.apply(frame)).isEqualTo(frame);
    }

    @Test
    void scalersUseTheirCenterAndScale() {
        Frame frame = Frame.of(NumericColumn.of("x", new double[] {1, 2, 3, 4, 5}));
        assertThat(new Scaler(Scaler.Method.STANDARD).fit(frame).apply(frame).numeric("x").get(4)).isCloseTo(2 / Math.sqrt(2), within(1e-12));
        assertThat(new Scaler(Scaler.Method.MIN_MAX).fit(frame).apply(frame).numeric("x").toArray()).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(new Scaler(Scaler.Method.ROBUST).fit(frame).apply(frame).numeric("x").get(0)).isEqualTo(-1.0);
    }

    @Test
    void yeoJohnsonMatchesScipy() {
        // scipy.stats.yeojohnson([1, 2, 3, 4, 5, 10, 20, 50, 100, 1000]) gives lambda -0.30990789587478257
        double[] values = {1, 2, 3, 4, 5, 10, 20, 50, 100, 1000};
        assertThat(YeoJohnson.fitLambda(values)).isCloseTo(-0.3099079, within(1e-5));
        assertThat(YeoJohnson.transform(-1, 0.5)).isCloseTo(-(Math.pow(2, 1.5) - 1) / 1.5, within(1e-12));
    }

    @Test
    void oneHotGroupsRareLevelsAndSendsUnseenOnesToTheGroup() {
        String[] labels = new String[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 60 ? "a" : i < 99 ? "b" : "rare";
        }
        Frame train = Frame.of(CategoricalColumn.ofLabels("c", labels));
        FittedOneHotEncoder fitted = new OneHotEncoder(20, 0.05).fit(train);
        Frame out = fitted.apply(Frame.of(CategoricalColumn.ofLabels("c", new String[] {"a", "rare", "new", null})));
        assertThat(out.names()).containsExactly("c=a", "c=b", "c=__other__");
        assertThat(out.numeric("c=__other__").toArray()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void ordinalAndFrequencyEncodeByLabel() {
        Frame train = Frame.of(CategoricalColumn.ofLabels("size", new String[] {"S", "M", "M", "L"}));
        Frame test = Frame.of(CategoricalColumn.ofLabels("size", new String[] {"L", "XL", null}));
        assertThat(new LabelEncoder(LabelEncoder.Method.ORDINAL, Map.of("size", List.of("S", "M", "L"))).fit(train).apply(test)
                .numeric("size").toArray()).containsExactly(2, -1, NA);
        assertThat(new LabelEncoder(LabelEncoder.Method.FREQUENCY).fit(train).apply(test).numeric("size").toArray())
                .containsExactly(0.25, 0, NA);
    }

    @Test
    void targetEncodingOfAnIdColumnCannotLeakIntoTrainingRows() {
        int n = 200;
        String[] ids = new String[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "id" + i;
            y[i] = i % 2;
        }
        Frame train = Frame.of(CategoricalColumn.ofLabels("id", ids));
        SupervisedTransformer.Result result = new TargetEncoder(5, 1.0, 7, List.of()).fit(train, NumericColumn.of("y", y));
        // out of fold, every id is unseen: each training row gets its fold's prior, never its own target
        double[] encoded = result.trainOutput().numeric("id_te").toArray();
        for (int i = 0; i < n; i++) {
            assertThat(encoded[i]).isBetween(0.3, 0.7);
        }
        // the fitted state (for later rows) does use every training row
        assertThat(result.fitted().apply(train.take(new int[] {1})).numeric("id_te").get(0)).isCloseTo((1 + 0.5) / 2, within(1e-9));
    }

    @Test
    void datesBecomePartsWithAnElapsedOrigin() {
        long day = 86_400_000L;
        long t0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();
        Frame frame = Frame.of(TimestampColumn.of("d", new long[] {t0, t0 + 10 * day, TimestampColumn.MISSING}));
        Frame out = new DateFeatures(Set.of(DateFeatures.Part.YEAR, DateFeatures.Part.DAY_OF_WEEK, DateFeatures.Part.HOUR,
                DateFeatures.Part.ELAPSED)).fit(frame).apply(frame);
        assertThat(out.names()).containsExactly("d_year", "d_dow", "d_elapsed_days");
        assertThat(out.numeric("d_dow").toArray()).containsExactly(1, 4, NA);
        assertThat(out.numeric("d_elapsed_days").toArray()).containsExactly(0, 10, NA);
    }

    @Test
    void tfidfWeighsRareTermsHigherAndNormalisesRows() {
        Frame frame = Frame.of(TextColumn.of("t", new String[] {"red apple", "red pear", "Red red", null}));
        Frame out = new TextVectorizer(TextVectorizer.Method.TFIDF, 10).fit(frame).apply(frame);
        assertThat(out.names()).containsExactly("t_tfidf=red", "t_tfidf=apple", "t_tfidf=pear");
        assertThat(out.numeric("t_tfidf=apple").get(0)).isGreaterThan(out.numeric("t_tfidf=red").get(0));
        assertThat(out.numeric("t_tfidf=red").get(2)).isCloseTo(1.0, within(1e-12));
        assertThat(out.numeric("t_tfidf=red").get(3)).isZero();
        Frame hashed = new TextVectorizer(TextVectorizer.Method.HASHED, 4).fit(frame).apply(frame);
        double total = 0;
        for (int b = 0; b < 4; b++) {
            total += hashed.numeric("t_hash" + b).get(2);
        }
        assertThat(total).isEqualTo(2.0);
    }

    @Test
    void selectorDropsConstantAndCorrelatedFeaturesWithReasons() {
        Frame frame = Frame.of(NumericColumn.of("a", new double[] {1, 2, 3, 4}), NumericColumn.of("twin", new double[] {2, 4, 6, 8.1}),
                NumericColumn.of("flat", new double[] {1, 1, 1, 1}), NumericColumn.of("b", new double[] {4, 1, 3, 2}));
        SupervisedTransformer.Result result = new FeatureSelector(0.0, 0.95, 0).fit(frame, NumericColumn.of("y", new double[] {1, 2, 3, 4}));
        assertThat(result.trainOutput().names()).containsExactly("a", "b");
        assertThat(((DropColumns) result.fitted()).dropped()).extracting(DropColumns.Dropped::reason)
                .anyMatch(r -> r.startsWith("variance")).anyMatch(r -> r.contains("with 'a'"));
        SupervisedTransformer.Result top = new FeatureSelector(NA, NA, 1).fit(frame, NumericColumn.of("y", new double[] {1, 2, 3, 4}));
        assertThat(top.trainOutput().names()).hasSize(1);
    }

    @Test
    void autoPlanRecordsWhatItChoseAndWhy() {
        Frame frame = Frame.of(NumericColumn.of("id", seq(40)), NumericColumn.of("x", seq(40)),
                CategoricalColumn.ofLabels("c", new String[40]));
        PreparationPlan plan = AutoPreparation.plan(frame, null);
        assertThat(plan.choices()).anyMatch(c -> c.startsWith("drop 'id': id-like"))
                .anyMatch(c -> c.startsWith("drop 'c': missing in 100%"));
    }

    private static double[] seq(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
