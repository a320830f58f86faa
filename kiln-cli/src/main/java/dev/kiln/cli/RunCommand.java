package dev.kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.KilnVersion;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import dev.kiln.store.Run;
import dev.kiln.store.Snapshot;
import dev.kiln.workflow.Collected;
import dev.kiln.workflow.RunResult;
import dev.kiln.workflow.Spec;
import dev.kiln.workflow.SpecLoader;
import dev.kiln.workflow.WorkflowRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln run SPEC}: the whole workflow, recorded as a run and registered as a model version. The run keeps a
 * copy of the spec, its hash, the data's hash, parameters, metrics, timings and the list of its artifact files
 * with sizes and SHA-256; a failed run is marked failed, with whatever artifacts it left.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every stage of a workflow spec: collect, explore, split, prepare, train, evaluate, bundle, register.")
final class RunCommand extends KilnCommand {
    static final ObjectMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();
    /** The name of the copy of the spec kept with every run's artifacts. */
    static final String SPEC_COPY = "spec.yaml";
    private static final List<String> STAGES = List.of("collect", "explore", "split", "prepare", "train", "evaluate", "bundle", "register");

    @Parameters(index = "0", paramLabel = "SPEC", description = "The workflow spec, for instance examples/titanic/pipeline.yaml.")
    Path specFile;

    @Option(names = "--store", paramLabel = "DIR", description = "The store folder (default: .kiln beside the spec).")
    Path storeDir;

    @Option(names = "--missing", paramLabel = "TOKEN",
            description = "A token that means a missing value, besides the spec's and the defaults (repeatable).")
    List<String> missing = new ArrayList<>();

    @Option(names = "--data-version", paramLabel = "ID",
            description = "Train on this stored dataset snapshot (an id or unambiguous prefix from 'kiln data list') instead of collecting the spec's source.")
    String dataVersion;

    @Override
    int execute() throws Exception {
        Spec spec = SpecLoader.load(specFile, dataVersion == null).withMissing(missing);
        Path kilnDir = storeDir != null ? storeDir : spec.file().toAbsolutePath().getParent().resolve(".kiln");
        try (KilnStore store = Stores.open(kilnDir)) {
            Collected data = collect(spec, store);
            String dataHash = data.snapshotId();
            Run run = store.startRun(spec.name(), spec.hash(), dataHash, KilnVersion.get());
            if (!common.json) {
                out().printf("kiln %s: run %s of %s%n", KilnVersion.get(), run.id(), specFile);
            }
            RunResult result;
            try {
                store.saveArtifact(run.id(), SPEC_COPY, spec.file());
                store.logParams(run.id(), Map.of("data_version", dataHash, "data_source", data.source()));
                result = WorkflowRunner.run(spec, data, run.id(), store.artifactDir(run.id()), this::stage);
            } catch (Exception e) {
                markFailed(store, run.id(), e);
                throw e;
            }
            long t0 = System.nanoTime();
            ModelVersion version = record(store, run, spec, result);
            stage("register", (System.nanoTime() - t0) / 1e9, spec.name() + " version " + version.version() + " in " + kilnDir);
            if (common.json) {
                out().println(JSON.writeValueAsString(json(result, version)));
            } else {
                new RunSummary(result, version).print(out());
            }
        }
        return 0;
    }

    /** Records what a failed run left and marks it failed; a store error here is attached to the first failure. */
    private static void markFailed(KilnStore store, String runId, Exception failure) {
        try {
            store.recordArtifacts(runId);
            store.finishRun(runId, Run.FAILED);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The data of this run: the snapshot named by {@code --data-version} (checked against its hash), or the spec's
     * source read now and stored as a snapshot before anything runs.
     */
    private Collected collect(Spec spec, KilnStore store) throws java.io.IOException {
        long t0 = System.nanoTime();
        if (dataVersion != null) {
            Snapshot snapshot = store.snapshot(dataVersion).orElseThrow(
                    () -> new InvalidDataException("no snapshot '" + dataVersion + "' in " + store.kilnDir()));
            Frame frame = store.readSnapshot(snapshot.id());
            return new Collected(frame, snapshot.id(), "stored " + snapshot.name() + " (" + snapshot.source() + ")",
                    (System.nanoTime() - t0) / 1e9);
        }
        Collected read = WorkflowRunner.collect(spec, note -> {
            if (!common.json) {
                err().println("kiln: note: " + note);
            }
        });
        Snapshot snapshot = store.saveSnapshot(spec.name(), read.frame(), read.source());
        return new Collected(read.frame(), snapshot.id(), read.source(), (System.nanoTime() - t0) / 1e9);
    }

    private void stage(String stage, double seconds, String summary) {
        if (!common.json) {
            out().printf("[%d/%d] %-9s %7.2f s  %s%n", STAGES.indexOf(stage) + 1, STAGES.size(), stage, seconds, summary);
            out().flush();
        }
    }

    private static ModelVersion record(KilnStore store, Run run, Spec spec, RunResult result) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("spec", spec.file().toString());
        params.put("learners", String.join(", ", result.learners().stream().map(RunResult.LearnerResult::label).toList()));
        params.put("chosen", result.chosen());
        params.put("metric", result.metric());
        params.put("seed", Long.toString(spec.train().seed()));
        store.logParams(run.id(), params);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (RunResult.LearnerResult learner : result.learners()) {
            learner.validationMetrics().forEach((k, v) -> metrics.put("validation." + learner.label() + "." + k, v));
        }
        result.testMetrics().forEach((k, v) -> metrics.put("test." + k, v));
        store.logMetrics(run.id(), metrics);
        store.logTimings(run.id(), result.timings());
        store.recordArtifacts(run.id());
        ModelVersion version = store.registerModel(spec.name(), run.id(), result.bundle(), result.testMetrics(), result.accepted());
        store.finishRun(run.id(), Run.FINISHED);
        return version;
    }

    private static ObjectNode json(RunResult result, ModelVersion version) {
        ObjectNode node = JSON.valueToTree(result);
        node.remove("manifest");
        node.put("bundle", result.bundle().toString()).put("profile", result.profile().toString());
        node.putObject("registered").put("name", version.name()).put("version", version.version())
                .put("ref", version.ref()).put("accepted", version.accepted());
        return node;
    }
}
