package dev.kiln.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilerTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void numericColumnStatistics() {
        // values 1, 2, missing, 4, 10: mean 17/4 = 4.25; deviations -3.25 -2.25 -0.25 5.75, squares sum 48.75;
        // sample variance 48.75 / 3 = 16.25. Quantiles at positions 3q of [1, 2, 4, 10] (numpy.percentile:
        // [1.15, 1.75, 3.0, 5.5, 9.1]).
        Frame frame = Frame.of(NumericColumn.of("x", new double[] {1, 2, Double.NaN, 4, 10}));
        ColumnProfile x = Profiler.profile(frame, null).columnProfiles().get(0);
        assertThat(x.name()).isEqualTo("x");
        assertThat(x.kind()).isEqualTo("numeric");
        assertThat(x.count()).isEqualTo(4);
        assertThat(x.missing()).isEqualTo(1);
        assertThat(x.missingFraction()).isEqualTo(0.2);
        assertThat(x.distinct()).isEqualTo(4);
        assertThat(x.min()).isEqualTo(1.0);
        assertThat(x.max()).isEqualTo(10.0);
        assertThat(x.mean()).isCloseTo(4.25, within(TOLERANCE));
        assertThat(x.std()).isCloseTo(Math.sqrt(16.25), within(TOLERANCE));
        assertThat(x.quantiles()).containsOnlyKeys("p05", "p25", "p50", "p75", "p95");
        assertThat(x.quantiles().keySet()).containsExactly("p05", "p25", "p50", "p75", "p95");
        assertThat(x.quantiles().get("p05")).isCloseTo(1.15, within(TOLERANCE));
        assertThat(x.quantiles().get("p25")).isCloseTo(1.75, within(TOLERANCE));
        assertThat(x.quantiles().get("p50")).isCloseTo(3.0, within(TOLERANCE));
        assertThat(x.quantiles().get("p75")).isCloseTo(5.5, within(TOLERANCE));
        assertThat(x.quantiles().get("p95")).isCloseTo(9.1, within(TOLERANCE));
        assertThat(x.top()).isNull();
    }

    @Test
    void numericEdgeCases() {
        Frame frame = Frame.of(
                NumericColumn.of("empty", new double[] {Double.NaN, Double.NaN}),
                NumericColumn.of("single", new double[] {3, Double.NaN}));
        List<ColumnProfile> columns = Profiler.profile(frame, null).columnProfiles();
        ColumnProfile empty = columns.get(0);
        assertThat(empty.count()).isZero();
        assertThat(empty.missingFraction()).isEqualTo(1.0);
        assertThat(empty.distinct()).isZero();
        assertThat(empty.mean()).isNull();
        assertThat(empty.quantiles()).isNull();
        ColumnProfile single = columns.get(1);
        assertThat(single.mean()).isEqualTo(3.0);
        assertThat(single.std()).isNull(); // ddof = 1 is undefined for one value, NaN in pandas
        assertThat(single.quantiles().get("p95")).isEqualTo(3.0);
    }

    @Test
    void categoricalColumnCountsAndTopLabels() {
        Frame frame = Frame.of(CategoricalColumn.ofLabels("c", new String[] {"b", "a", "b", null, "c", "a", "b"}));
        ColumnProfile c = Profiler.profile(frame, null).columnProfiles().get(0);
        assertThat(c.kind()).isEqualTo("categorical");
        assertThat(c.count()).isEqualTo(6);
        assertThat(c.missing()).isEqualTo(1);
        assertThat(c.missingFraction()).isCloseTo(1.0 / 7, within(TOLERANCE));
        assertThat(c.distinct()).isEqualTo(3);
        assertThat(c.top())
                .containsExactly(new CategoryCount("b", 3), new CategoryCount("a", 2), new CategoryCount("c", 1));
        assertThat(c.mean()).isNull();
        assertThat(c.quantiles()).isNull();
    }

    @Test
    void topBreaksTiesByLabelAndKeepsTen() {
        Frame ties = Frame.of(TextColumn.of("t", new String[] {"z", "y", "z", "y", "x"}));
        assertThat(Profiler.profile(ties, null).columnProfiles().get(0).top())
                .containsExactly(new CategoryCount("y", 2), new CategoryCount("z", 2), new CategoryCount("x", 1));

        String[] labels = new String[12];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = "v" + (char) ('a' + i);
        }
        ColumnProfile many = Profiler.profile(Frame.of(TextColumn.of("t", labels)), null).columnProfiles().get(0);
        assertThat(many.distinct()).isEqualTo(12);
        assertThat(many.top()).hasSize(10);
        assertThat(many.top().get(9)).isEqualTo(new CategoryCount("vj", 1));
    }

    @Test
    void booleanAndTextColumns() {
        Frame frame = Frame.of(
                CategoricalColumn.ofBooleans("flag", new int[] {1, 0, 1, -1}),
                TextColumn.of("note", new String[] {"hi", null, "hi", "yo"}));
        List<ColumnProfile> columns = Profiler.profile(frame, null).columnProfiles();
        assertThat(columns.get(0).kind()).isEqualTo("boolean");
        assertThat(columns.get(0).top()).containsExactly(new CategoryCount("true", 2), new CategoryCount("false", 1));
        assertThat(columns.get(0).missing()).isEqualTo(1);
        assertThat(columns.get(1).kind()).isEqualTo("text");
        assertThat(columns.get(1).count()).isEqualTo(3);
        assertThat(columns.get(1).distinct()).isEqualTo(2);
        assertThat(columns.get(1).top()).containsExactly(new CategoryCount("hi", 2), new CategoryCount("yo", 1));
    }

    @Test
    void timestampColumnMinMaxAsMillisAndInstants() {
        Frame frame = Frame.of(TimestampColumn.of("at", new long[] {1000, TimestampColumn.MISSING, 0, 1000}));
        ColumnProfile at = Profiler.profile(frame, null).columnProfiles().get(0);
        assertThat(at.kind()).isEqualTo("timestamp");
        assertThat(at.count()).isEqualTo(3);
        assertThat(at.missing()).isEqualTo(1);
        assertThat(at.distinct()).isEqualTo(2);
        assertThat(at.min()).isEqualTo(0.0);
        assertThat(at.max()).isEqualTo(1000.0);
        assertThat(at.minInstant()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(at.maxInstant()).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(at.mean()).isNull();
    }

    @Test
    void profileListsColumnsInFrameOrder() {
        Frame frame = Frame.of(NumericColumn.of("a", new double[] {1, 2}), TextColumn.of("b", new String[] {"x", "y"}));
        Profile profile = Profiler.profile(frame, null);
        assertThat(profile.rows()).isEqualTo(2);
        assertThat(profile.columns()).isEqualTo(2);
        assertThat(profile.columnProfiles()).extracting(ColumnProfile::name).containsExactly("a", "b");
        assertThat(profile.target()).isNull();
        assertThat(Profiler.profile(Frame.of(), null)).isEqualTo(new Profile(0, 0, List.of(), null));
    }

    @Test
    void unknownTargetIsNamed() {
        Frame frame = Frame.of(NumericColumn.of("a", new double[] {1}));
        assertThatThrownBy(() -> Profiler.profile(frame, "label"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'label'");
    }
}
