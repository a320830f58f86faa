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

/**
 * Assembles the bundle of a trained model: input schema, pipeline, drift reference and manifest. The
 * drift reference holds the training rows' features and the predictions on the reference rows.
 */
final class BundleBuilder {
    private final Context context;
    private final Problem problem;
    private final Preparation prep;
    private final Frame trainFeatures;
    private final Frame referenceFeatures;
    private final Frame predictionFeatures;

    /**
     * What the manifest records besides the model: name, lineage (run id and spec hash may be null
     * when the model was trained outside a run) and the drift thresholds.
     */
    record Context(String name, String runId, String dataHash, String specHash, long seed, double driftWarn,
                   double driftAlert) {
        static Context of(Spec spec, String runId, String dataHash) {
            return new Context(spec.name(), runId, dataHash, spec.hash(), spec.train().seed(), spec.monitor().driftWarn(),
                    spec.monitor().driftAlert());
        }
    }

    /**
     * {@code trainFeatures}: the raw feature rows the model was trained on (their ranges go into the
     * manifest); {@code referenceFeatures}: the rows, all or some of those, that make the drift
     * reference's feature distributions; {@code predictionFeatures}: the raw rows whose predictions
     * make its prediction distribution. A null {@code referenceFeatures} means {@code trainFeatures}.
     */
    BundleBuilder(Context context, Problem problem, Preparation prep, Frame trainFeatures, Frame referenceFeatures,
                  Frame predictionFeatures) {
        this.context = context;
        this.problem = problem;
        this.prep = prep;
        this.trainFeatures = trainFeatures;
        this.referenceFeatures = referenceFeatures;
        this.predictionFeatures = predictionFeatures;
    }

    BundleBuilder(Spec spec, String runId, String dataHash, Problem problem, Preparation prep, Split split) {
        this(Context.of(spec, runId, dataHash), problem, prep, problem.features().take(split.train()), null,
                problem.features().take(split.test()));
    }

    Bundle build(Model model, Learner<?> learner, Map<String, Double> testMetrics) {
        return build(model, learner, testMetrics, Double.NaN);
    }

    /** The bundle of {@code model}, predicting the positive class from {@code threshold} (NaN: the most probable class). */
    Bundle build(Model model, Learner<?> learner, Map<String, Double> testMetrics, double threshold) {
        Schema schema = inputSchema(trainFeatures);
        Pipeline pipeline = new Pipeline(schema, prep.steps(), model).withDecisionThreshold(threshold);
        Predictions predictions = pipeline.predict(predictionFeatures);
        Frame referenceData = (referenceFeatures == null ? trainFeatures : referenceFeatures).select(pipeline.featureNames());
        DriftReference reference = DriftReference.fit(referenceData, predictions.toFrame().column("prediction"),
                context.driftWarn(), context.driftAlert());
        Map<String, Double> metrics = new LinkedHashMap<>();
        testMetrics.forEach((k, v) -> metrics.put("test." + k, v));
        Manifest manifest = new Manifest(Bundle.FORMAT_VERSION, KilnVersion.get(), context.name(), problem.task().label(),
                problem.target() == null ? null : problem.target().name(), problem.classes(), learner.name(), learner.params(), inputFields(trainFeatures, schema),
                metrics, Manifest.Lineage.now(context.runId(), context.dataHash(), context.specHash(), context.seed()), Map.of());
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
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n.size(); i++) {
                    double v = n.get(i);
                    if (v < low) {
                        low = v;
                    }
                    if (v > high) {
                        high = v;
                    }
                }
                if (low <= high) { // NaN compares false: only present values count
                    min = low;
                    max = high;
                }
            }
            out.add(new Manifest.InputField(field.name(), field.kind().label(), field.role().label(), field.levels(), min, max));
        }
        return out;
    }
}
