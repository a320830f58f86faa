package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.learn.InMemoryArrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropColumnsTest {
    private static final DropColumns DROP = new DropColumns(List.of(
            new DropColumns.Dropped("id", "asked for in the spec"),
            new DropColumns.Dropped("note", "text is not used yet")));

    private static Frame frame() {
        return Frame.of(NumericColumn.of("id", new double[] {1, 2}), NumericColumn.of("x", new double[] {3, 4}),
                TextColumn.of("note", new String[] {"a", "b"}));
    }

    @Test
    void dropsNamedColumnsKeepingTheOthersInOrder() {
        Frame out = DROP.fit(frame()).apply(frame());
        assertThat(out.names()).containsExactly("x");
        assertThat(out.numeric("x").toArray()).containsExactly(3, 4);
    }

    @Test
    void absentColumnsAreIgnored() {
        Frame serving = Frame.of(NumericColumn.of("x", new double[] {5}));
        assertThat(DROP.apply(serving)).isEqualTo(serving);
    }

    @Test
    void fittingLearnsNothing() {
        assertThat(DROP.fit(frame())).isSameAs(DROP);
    }

    @Test
    void keepsTheReasons() {
        assertThat(DROP.dropped()).extracting(DropColumns.Dropped::reason)
                .containsExactly("asked for in the spec", "text is not used yet");
    }

    @Test
    void jsonRoundTripGivesIdenticalOutput() {
        InMemoryArrays arrays = new InMemoryArrays();
        FittedTransformer back = TransformerReaders.read(DROP.toJson(arrays), arrays);
        assertThat(back).isInstanceOf(DropColumns.class);
        assertThat(((DropColumns) back).dropped()).isEqualTo(DROP.dropped());
        assertThat(back.apply(frame())).isEqualTo(DROP.apply(frame()));
        assertThat(arrays.size()).isZero();
    }

    @Test
    void unknownStepTypeIsRejected() {
        var node = JsonNodeFactory.instance.objectNode().put("type", "scaler");
        assertThatThrownBy(() -> TransformerReaders.read(node, new InMemoryArrays()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown preparation step type 'scaler'");
    }
}
