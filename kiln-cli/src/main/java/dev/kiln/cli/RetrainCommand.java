package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.server.maintain.RetrainOutcome;
import dev.kiln.server.maintain.Retrainer;
import dev.kiln.server.monitor.SettingsSource;
import dev.kiln.store.KilnStore;
import dev.kiln.workflow.MonitorSettings;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln retrain NAME}: retrains a registered model now, as the monitoring policy would: reruns its champion's
 * spec on fresh data plus the older labelled production rows, scores champion and challenger on the newer ones,
 * and promotes the challenger only when it is better and accepted (else it becomes the {@code challenger}).
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = {"Retrain a registered model on fresh data and labelled predictions (feedback), compare the new version",
                "with the champion on the newest labelled rows, and promote it only when it is better and passes the spec's accept rule."})
final class RetrainCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model.")
    String name;

    @Override
    int execute() throws Exception {
        RetrainOutcome outcome;
        try (KilnStore opened = store.open()) {
            Retrainer retrainer = new Retrainer(opened, new SettingsSource(opened, MonitorSettings.defaults(), null));
            retrainer.champion(name);
            outcome = retrainer.retrain(name, "manual", Map.of("actor", opened.actor()));
        }
        if (common.json) {
            ObjectNode node = RunCommand.JSON.createObjectNode().put("model", outcome.model()).put("decision", outcome.decision())
                    .put("champion", outcome.champion()).put("challenger", outcome.challenger()).put("run", outcome.runId())
                    .put("metric", outcome.metric()).put("evaluation_rows", outcome.evaluationRows())
                    .put("accepted", outcome.accepted()).put("reason", outcome.reason());
            putFinite(node, "champion_score", outcome.championScore());
            putFinite(node, "challenger_score", outcome.challengerScore());
            out().println(node.toPrettyString());
        } else if (outcome.decision().equals(RetrainOutcome.SKIPPED)) {
            out().printf("%s: not retrained: %s%n", name, outcome.reason());
        } else {
            out().printf(Locale.ROOT, "%s: trained version %d (run %s); %s %.4f vs champion %d %.4f on %d labelled rows: %s%n", name,
                    outcome.challenger(), outcome.runId(), outcome.metric(), outcome.challengerScore(), outcome.champion(),
                    outcome.championScore(), outcome.evaluationRows(),
                    outcome.decision().equals(RetrainOutcome.PROMOTED) ? "promoted to champion"
                            : "kept as challenger" + (outcome.accepted() ? " (not better)" : " (not accepted)"));
        }
        return outcome.decision().equals(RetrainOutcome.SKIPPED) ? Kiln.FAILURE : 0;
    }

    private static void putFinite(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
