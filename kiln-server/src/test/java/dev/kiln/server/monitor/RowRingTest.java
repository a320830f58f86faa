package dev.kiln.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowRingTest {
    private static LogLayout numeric(int width, List<String> classes) {
        List<Field> fields = IntStream.range(0, width).mapToObj(i -> new Field("x" + i, ColumnKind.NUMERIC, Role.FEATURE)).toList();
        return new LogLayout("m", 1, fields, classes, !classes.isEmpty());
    }

    private record Seen(long number, double first, double last, String text, double lastOutput, int outputs) {
    }

    private static List<Seen> drain(RowRing ring) {
        List<Seen> seen = new ArrayList<>();
        ring.drain(r -> {
            int width = r.layout.width();
            seen.add(new Seen(r.number, r.values[r.valuesAt], r.values[r.valuesAt + width - 1],
                    r.texts == null ? null : r.texts[1], r.outputs[r.outputsAt + r.outputCount - 1], r.outputCount));
        }, 100);
        return seen;
    }

    @Test
    void rowsWiderThanTheStrideAndManyOutputsComeBackWhole() {
        RowRing ring = new RowRing(4);
        LogLayout narrow = numeric(3, List.of());
        int wideWidth = RowRing.VALUE_STRIDE + 5;
        List<String> classes = IntStream.range(0, RowRing.OUTPUT_STRIDE + 3).mapToObj(i -> "c" + i).toList();
        LogLayout wide = numeric(wideWidth, classes);
        double[] wideRow = IntStream.range(0, wideWidth).asDoubleStream().toArray();
        double[] manyOutputs = IntStream.range(0, classes.size()).mapToDouble(i -> i / 100.0).toArray();
        long a = ring.claim();
        ring.put(a, narrow, 7, 0, 0, new double[] {1, 2, 3}, new String[3], new double[] {0.5}, 1, null);
        ring.publish(a);
        long b = ring.claim();
        ring.put(b, wide, 8, 0, 0, wideRow, new String[wideWidth], manyOutputs, manyOutputs.length, null);
        ring.publish(b);

        assertThat(drain(ring)).containsExactly(new Seen(7, 1, 3, null, 0.5, 1),
                new Seen(8, 0, wideWidth - 1, null, manyOutputs[manyOutputs.length - 1], classes.size()));
    }

    @Test
    void aRowsTextIsNotSeenByTheNextRowInItsSlot() {
        RowRing ring = new RowRing(2);
        List<Field> fields = List.of(new Field("x", ColumnKind.NUMERIC, Role.FEATURE), new Field("t", ColumnKind.TEXT, Role.FEATURE));
        LogLayout layout = new LogLayout("m", 1, fields, List.of(), false);
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 2; k++) {
                long s = ring.claim();
                String text = round == 0 ? "hello " + k : null;
                ring.put(s, layout, 10L * round + k, 0, 0, new double[] {k, Double.NaN}, new String[] {null, text},
                        new double[] {1}, 1, null);
                ring.publish(s);
            }
            List<Seen> seen = drain(ring);
            assertThat(seen).extracting(Seen::text).containsExactly(round == 0 ? "hello 0" : null, round == 0 ? "hello 1" : null);
        }
    }

    @Test
    void aFullRingRefusesAClaimUntilTheConsumerDrains() {
        RowRing ring = new RowRing(2);
        LogLayout layout = numeric(1, List.of());
        for (int k = 0; k < 2; k++) {
            long s = ring.claim();
            ring.put(s, layout, k, 0, 0, new double[] {k}, new String[1], new double[] {0}, 1, null);
            ring.publish(s);
        }
        assertThat(ring.claim()).isEqualTo(-1);
        assertThat(ring.pending()).isEqualTo(2);
        assertThat(drain(ring)).extracting(Seen::number).containsExactly(0L, 1L);
        assertThat(ring.claim()).isEqualTo(2);
        assertThat(ring.claimedCount()).isEqualTo(3);
    }
}
