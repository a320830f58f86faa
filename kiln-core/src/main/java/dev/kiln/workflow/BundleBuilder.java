package dev.kiln.workflow;

import dev.kiln.bundle.Bundle;
import dev.kiln.bundle.KilnVersion;
import dev.kiln.bundle.Manifest;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.eval.Split;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.monitor.DriftReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles the bundle of a run's chosen model: input schema, pipeline, drift reference and manifest. */
final class BundleBuilder {
    private final Spec spec;
    private final String runId;
    private final String dataHash;
    private final Problem problem;
    private final Preparation prep;
    private final Split split;

    BundleBuilder(Spec spec, String runId, String dataHash, Problem problem, Preparation prep, Split split) {
        this.spec = spec;
        this.runId = runId;
        this.dataHash = dataHash;
        this.problem = problem;
        this.prep = prep;
        this.split = split;
    }

    Bundle build(Model model, Learner<?> learner, Map<String, Double> testMetrics) {
        Frame trainFeatures = problem.features().take(split.train());
        Schema schema = inputSchema(trainFeatures);
        Pipeline pipeline = new Pipeline(schema, prep.steps(), model);
        Predictions test = pipeline.predict(problem.features().take(split.test()));
        Frame referenceData = trainFeatures.select(pipeline.featureNames());
        DriftReference reference = DriftReference.fit(referenceData, test.toFrame().column("prediction"),
                spec.monitor().driftWarn(), spec.monitor().driftAlert());
        Map<String, Double> metrics = new LinkedHashMap<>();
        testMetrics.forEach((k, v) -> metrics.put("test." + k, v));
        Manifest manifest = new Manifest(Bundle.FORMAT_VERSION, KilnVersion.get(), spec.name(), problem.task().label(),
                spec.problem().target(), problem.classes(), learner.name(), learner.params(), inputFields(trainFeatures, schema),
                metrics, Manifest.Lineage.now(runId, dataHash, spec.hash(), spec.train().seed()), Map.of());
        return new Bundle(manifest, pipeline, reference);
    }

    private Schema inputSchema(Frame trainFeatures) {
        List<Field> fields = new ArrayList<>();
        for (Column column : trainFeatures.columns()) {
            Role role = prep.isDropped(column.name()) ? Role.IGNORED : Role.FEATURE;
            List<String> levels = column instanceof CategoricalColumn c ? c.levels() : List.of();
            fields.add(new Field(column.name(), column.kind(), role, levels));
        }
        return Schema.of(fields);
    }

    private static List<Manifest.InputField> inputFields(Frame train, Schema schema) {
        List<Manifest.InputField> out = new ArrayList<>();
        for (Field field : schema.fields()) {
            Double min = null;
            Double max = null;
            if (train.column(field.name()) instanceof NumericColumn n) {
                for (int i = 0; i < n.size(); i++) {
                    double v = n.get(i);
                    if (!Double.isNaN(v)) {
                        min = min == null ? v : Math.min(min, v);
                        max = max == null ? v : Math.max(max, v);
                    }
                }
            }
            out.add(new Manifest.InputField(field.name(), field.kind().label(), field.role().label(), field.levels(), min, max));
        }
        return out;
    }
}
