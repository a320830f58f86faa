package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameDigest;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.source.ParquetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {
    @TempDir
    Path kilnDir;

    private static Frame frame(double first) {
        return Frame.of(NumericColumn.of("x", new double[] {first, Double.NaN, 3}),
                CategoricalColumn.of("c", new int[] {1, -1, 0}, List.of("b", "a")),
                CategoricalColumn.ofBooleans("flag", new int[] {1, 0, -1}),
                TimestampColumn.of("t", new long[] {1_700_000_000_000L, TimestampColumn.MISSING, 0}),
                TextColumn.of("note", new String[] {"x", null, "ü"}));
    }

    @Test
    void savesReadsAndDeduplicatesByContent() {
        try (var store = KilnStore.open(kilnDir)) {
            Snapshot first = store.saveSnapshot("sales", frame(1), "csv data/sales.csv");
            assertThat(first.id()).isEqualTo(FrameDigest.sha256(frame(1))).hasSize(64);
            assertThat(first.rows()).isEqualTo(3);
            assertThat(first.columns()).isEqualTo(5);
            assertThat(first.source()).isEqualTo("csv data/sales.csv");
            assertThat(first.file()).isEqualTo(kilnDir.resolve("artifacts/datasets/" + first.id() + ".parquet")).isRegularFile();
            assertThat(store.readSnapshot(first.id())).isEqualTo(frame(1));

            Snapshot again = store.saveSnapshot("other-name", frame(1), "json x");
            assertThat(again).isEqualTo(first);
            Snapshot second = store.saveSnapshot("sales", frame(2), "csv data/sales.csv");
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(store.snapshots()).extracting(Snapshot::id).containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(store.snapshot(first.id().substring(0, 8))).contains(first);
            assertThat(store.readSnapshot(second.shortId())).isEqualTo(frame(2));
        }
    }

    @Test
    void refusesAFileWhoseContentNoLongerMatches() throws Exception {
        try (var store = KilnStore.open(kilnDir)) {
            Snapshot snapshot = store.saveSnapshot("sales", frame(1), "csv");
            Path other = kilnDir.resolve("other.parquet");
            ParquetFiles.write(frame(9), other);
            Files.copy(other, snapshot.file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> store.readSnapshot(snapshot.id())).isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("does not match its id");
            Files.write(snapshot.file(), new byte[] {1, 2, 3});
            assertThatThrownBy(() -> store.readSnapshot(snapshot.id())).isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("unreadable");
        }
    }

    @Test
    void rejectsMalformedAndUnknownIds() {
        try (var store = KilnStore.open(kilnDir)) {
            assertThatThrownBy(() -> store.snapshot("../etc")).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.snapshot("abcdef")).isEmpty();
            assertThatThrownBy(() -> store.readSnapshot("abcdef")).isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("no snapshot 'abcdef'");
        }
    }
}
