package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnParserTest {

    private static String[] distinct(int distinct, int total) {
        String[] values = new String[total];
        for (int i = 0; i < total; i++) {
            values[i] = "v" + (i % distinct);
        }
        return values;
    }

    @Test
    void infersNumericIncludingLeadingDotAndExponent() {
        assertThat(ColumnParser.infer(new String[] {".28", "1e3", "-2", null})).isEqualTo(ColumnKind.NUMERIC);
    }

    @Test
    void oneNonNumberMakesAStringColumn() {
        assertThat(ColumnParser.infer(new String[] {"1", "2", "1d"})).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void infersBooleanCaseInsensitively() {
        assertThat(ColumnParser.infer(new String[] {"true", "False", null, "TRUE"})).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(ColumnParser.infer(new String[] {"true", "yes"})).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void zeroAndOneAreNumbersNotBooleans() {
        assertThat(ColumnParser.infer(new String[] {"0", "1", "1"})).isEqualTo(ColumnKind.NUMERIC);
    }

    @Test
    void infersTimestamps() {
        assertThat(ColumnParser.infer(new String[] {"2001-01-31", "2001-02-01"})).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(ColumnParser.infer(new String[] {"2001-01-31 08:05:00", "2001-01-31"})).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(ColumnParser.infer(new String[] {"2001-01-31", "soon"})).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void allMissingIsNumeric() {
        assertThat(ColumnParser.infer(new String[] {null, null})).isEqualTo(ColumnKind.NUMERIC);
        assertThat(ColumnParser.infer(new String[0])).isEqualTo(ColumnKind.NUMERIC);
    }

    @Test
    void textNeedsMoreThanFiftyDistinctMakingUpMoreThanHalf() {
        assertThat(ColumnParser.infer(distinct(51, 60))).isEqualTo(ColumnKind.TEXT);
        assertThat(ColumnParser.infer(distinct(51, 101))).isEqualTo(ColumnKind.TEXT);
        assertThat(ColumnParser.infer(distinct(51, 102))).isEqualTo(ColumnKind.CATEGORICAL); // exactly half
        assertThat(ColumnParser.infer(distinct(50, 50))).isEqualTo(ColumnKind.CATEGORICAL); // not more than 50
    }

    @Test
    void missingValuesDoNotVoteForText() {
        String[] values = new String[200];
        System.arraycopy(distinct(51, 60), 0, values, 0, 60); // 140 nulls do not count as present
        assertThat(ColumnParser.infer(values)).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void parsesEachKind() {
        NumericColumn n = (NumericColumn) ColumnParser.parse("n", new String[] {"1.5", null}, ColumnKind.NUMERIC, i -> "r" + i);
        assertThat(n.get(0)).isEqualTo(1.5);
        assertThat(n.isMissing(1)).isTrue();

        CategoricalColumn b = (CategoricalColumn) ColumnParser.parse("b", new String[] {"TRUE", null, "false"}, ColumnKind.BOOLEAN, i -> "r" + i);
        assertThat(b.kind()).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(b.levels()).containsExactly("false", "true");
        assertThat(b.toCodes()).containsExactly(1, CategoricalColumn.MISSING, 0);

        CategoricalColumn c = (CategoricalColumn) ColumnParser.parse("c", new String[] {"z", "a", null, "z"}, ColumnKind.CATEGORICAL, i -> "r" + i);
        assertThat(c.levels()).containsExactly("z", "a");
        assertThat(c.toCodes()).containsExactly(0, 1, CategoricalColumn.MISSING, 0);

        TimestampColumn t = (TimestampColumn) ColumnParser.parse("t", new String[] {"1970-01-02", null}, ColumnKind.TIMESTAMP, i -> "r" + i);
        assertThat(t.get(0)).isEqualTo(86_400_000L);
        assertThat(t.isMissing(1)).isTrue();

        TextColumn x = (TextColumn) ColumnParser.parse("x", new String[] {"hello", null}, ColumnKind.TEXT, i -> "r" + i);
        assertThat(x.get(0)).isEqualTo("hello");
        assertThat(x.isMissing(1)).isTrue();
    }

    @Test
    void badValueNamesWhereColumnAndValue() {
        assertThatThrownBy(() -> ColumnParser.parse("c", new String[] {"1", "x"}, ColumnKind.NUMERIC, i -> "data.csv:" + (i + 2)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("data.csv:3: column 'c': expected a number, found 'x'");
        assertThatThrownBy(() -> ColumnParser.parse("t", new String[] {"noon"}, ColumnKind.TIMESTAMP, i -> "row " + (i + 1)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("row 1: column 't': expected an ISO-8601 date or date-time, found 'noon'");
        assertThatThrownBy(() -> ColumnParser.parse("b", new String[] {"yes"}, ColumnKind.BOOLEAN, i -> "row " + (i + 1)))
                .hasMessage("row 1: column 'b': expected true or false, found 'yes'");
    }
}
