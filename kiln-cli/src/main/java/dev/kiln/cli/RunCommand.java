package dev.kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.KilnVersion;
import dev.kiln.data.Hashes;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import dev.kiln.store.Run;
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

/** {@code kiln run SPEC}: the whole workflow, recorded as a run and registered as a model version. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every stage of a workflow spec: collect, explore, split, prepare, train, evaluate, bundle, register.")
final class RunCommand extends KilnCommand {
    static final ObjectMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> STAGES = List.of("collect", "explore", "split", "prepare", "train", "evaluate", "bundle", "register");

    @Parameters(index = "0", paramLabel = "SPEC", description = "The workflow spec, for instance examples/titanic/pipeline.yaml.")
    Path specFile;

    @Option(names = "--store", paramLabel = "DIR", description = "The store folder (default: .kiln beside the spec).")
    Path storeDir;

    @Option(names = "--missing", paramLabel = "TOKEN",
            description = "A token that means a missing value, besides the spec's and the defaults (repeatable).")
    List<String> missing = new ArrayList<>();

    @Override
    int execute() throws Exception {
        Spec spec = SpecLoader.load(specFile).withMissing(missing);
        Path kilnDir = storeDir != null ? storeDir : spec.file().toAbsolutePath().getParent().resolve(".kiln");
        try (KilnStore store = Stores.open(kilnDir)) {
            String dataHash = Hashes.sha256(spec.data().csv());
            Run run = store.startRun(spec.name(), spec.hash(), dataHash, KilnVersion.get());
            if (!common.json) {
                out().printf("kiln %s: run %s of %s%n", KilnVersion.get(), run.id(), specFile);
            }
            RunResult result;
            try {
                result = WorkflowRunner.run(spec, run.id(), dataHash, store.artifactDir(run.id()), this::stage);
            } catch (Exception e) {
                store.finishRun(run.id(), Run.FAILED);
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
