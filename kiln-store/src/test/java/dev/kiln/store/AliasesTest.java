package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aliases that move, rollback, archive and the audit log that records them. */
class AliasesTest {
    @TempDir
    Path kilnDir;
    private KilnStore store;

    @BeforeEach
    void open() {
        store = KilnStore.open(kilnDir);
        String runId = store.startRun("churn", null, null, null).id();
        for (int i = 0; i < 3; i++) {
            store.registerModel("churn", runId, Path.of("b" + i), Map.of(), true);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void promoteMovesTheAliasAndRollbackWalksBack() {
        store.promote("churn", 1, "champion", "first");
        store.promote("churn", 2, "champion", "better auc");
        store.promote("churn", 3, "champion", null);
        store.promote("churn", 3, "challenger", null);

        assertThat(store.resolve("churn@champion").orElseThrow().version()).isEqualTo(3);
        assertThat(store.aliases("churn")).containsOnly(Map.entry("champion", 3), Map.entry("challenger", 3));

        assertThat(store.rollback("churn", "champion", "regression").orElseThrow().version()).isEqualTo(2);
        assertThat(store.rollback("churn", "champion", null).orElseThrow().version()).isEqualTo(1);
        assertThat(store.rollback("churn", "champion", null)).isEmpty();
        assertThat(store.resolve("churn@champion")).isEmpty();
        assertThatThrownBy(() -> store.rollback("churn", "champion", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no earlier version");
        assertThat(store.resolve("churn@challenger").orElseThrow().version()).isEqualTo(3);

        store.promote("churn", 2, "champion", null);
        assertThat(store.resolve("churn@champion").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void everyChangeIsAudited() {
        store.promote("churn", 2, "champion", "better auc");
        store.rollback("churn", "champion", "oops");
        store.archive("churn", 1, "superseded");

        var entries = store.audit("churn", 100);
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditEntry.ARCHIVE, AuditEntry.ROLLBACK,
                AuditEntry.PROMOTE, AuditEntry.REGISTER, AuditEntry.REGISTER, AuditEntry.REGISTER);
        AuditEntry promote = entries.get(2);
        assertThat(promote.version()).isEqualTo(2);
        assertThat(promote.alias()).isEqualTo("champion");
        assertThat(promote.reason()).isEqualTo("better auc");
        assertThat(promote.detail()).isEqualTo("champion: (none) -> 2");
        assertThat(promote.actor()).isEqualTo(store.actor()).isNotBlank();
        assertThat(entries.get(1).detail()).isEqualTo("champion: 2 -> (none)");
        assertThat(store.audit(null, 2)).hasSize(2);
        assertThat(store.audit("fraud", 10)).isEmpty();
    }

    @Test
    void archiveRefusesAliasedVersionsAndPromoteRefusesArchivedOnes() {
        store.promote("churn", 2, "champion", null);

        assertThatThrownBy(() -> store.archive("churn", 2, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[champion]");
        assertThat(store.archive("churn", 1, null).stage()).isEqualTo(ModelVersion.ARCHIVED);
        assertThatThrownBy(() -> store.archive("churn", 1, null)).hasMessageContaining("already archived");
        assertThatThrownBy(() -> store.promote("churn", 1, "champion", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("archived");
        store.promote("churn", 3, "champion", null);
        store.archive("churn", 2, null);
        assertThatThrownBy(() -> store.rollback("churn", "champion", null)).hasMessageContaining("archived");
        assertThat(store.resolve("churn@champion").orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void badAliasesAndVersionsAreRefused() {
        assertThatThrownBy(() -> store.promote("churn", 1, "Champion", null)).hasMessageContaining("'Champion'");
        assertThatThrownBy(() -> store.promote("churn", 1, "1st", null)).hasMessageContaining("'1st'");
        assertThatThrownBy(() -> store.promote("churn", 9, "champion", null)).hasMessageContaining("unknown version 9");
        assertThatThrownBy(() -> store.promote("fraud", 1, "champion", null)).hasMessageContaining("'fraud'");
        store.promote("churn", 1, "champion", null);
        assertThatThrownBy(() -> store.promote("churn", 1, "champion", null)).hasMessageContaining("already points");
    }

    @Test
    void legacyStagesKeepTheirAliasesInStep() {
        store.setStage("churn", 1, ModelVersion.PRODUCTION);
        assertThat(store.aliases("churn")).containsOnly(Map.entry("production", 1));
        store.promote("churn", 2, "production", null);
        assertThat(store.resolve("churn@production").orElseThrow().version()).isEqualTo(2);
        store.setStage("churn", 3, ModelVersion.PRODUCTION);
        assertThat(store.resolve("churn@production").orElseThrow().version()).isEqualTo(3);
        store.setStage("churn", 3, ModelVersion.NONE);
        assertThat(store.aliases("churn")).isEmpty();
        assertThat(store.audit("churn", 100)).extracting(AuditEntry::action).contains(AuditEntry.STAGE);
    }
}
