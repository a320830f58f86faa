package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kiln.store.AuditEntry;
import java.io.PrintWriter;
import java.util.List;

/** Prints audit entries, newest first: as a table, or as JSON. */
final class AuditTable {
    private AuditTable() {
    }

    static void print(PrintWriter out, List<AuditEntry> entries, boolean json) {
        if (json) {
            ArrayNode array = RunCommand.JSON.createArrayNode();
            for (AuditEntry e : entries) {
                var node = array.addObject().put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action())
                        .put("model", e.model()).put("alias", e.alias()).put("run_id", e.runId())
                        .put("detail", e.detail()).put("reason", e.reason());
                if (e.version() != null) {
                    node.put("version", e.version());
                } else {
                    node.putNull("version");
                }
            }
            out.println(array.toPrettyString());
            return;
        }
        out.printf("%-24s %-12s %-9s %-20s %s%n", "when", "who", "action", "what", "detail / reason");
        for (AuditEntry e : entries) {
            String what = e.model() == null ? (e.runId() == null ? "-" : e.runId())
                    : e.model() + (e.version() == null ? "" : ":" + e.version());
            out.printf("%-24s %-12s %-9s %-20s %s%s%n", e.at(), e.actor(), e.action(), what,
                    e.detail() == null ? "" : e.detail(), e.reason() == null ? "" : "  (why: " + e.reason() + ")");
        }
    }
}
