package dev.kiln.server;

import dev.kiln.bundle.Bundle;
import dev.kiln.bundle.Manifest;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.learn.Model;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.monitor.DriftReference;
import dev.kiln.prep.FittedTransformer;
import dev.kiln.prep.Imputer;
import dev.kiln.prep.OneHotEncoder;
import dev.kiln.prep.Transformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small fitted bundles for server tests: a classifier over {@code size} (numeric) and {@code colour} (categorical). */
final class ToyModels {
    private ToyModels() {
    }

    /** The training features: 200 rows, some sizes missing. */
    static Frame features() {
        int n = 200;
        double[] size = new double[n];
        String[] colour = new String[n];
        for (int i = 0; i < n; i++) {
            size[i] = i % 17 == 0 ? Double.NaN : (i * 37 % 100) / 10.0;
            colour[i] = i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue";
        }
        return Frame.of(NumericColumn.of("size", size), CategoricalColumn.ofLabels("colour", colour));
    }

    /** A logistic classifier (labels no/yes) with penalty {@code l2}; different penalties give different probabilities. */
    static Bundle classifier(String name, double l2) {
        return classifier(name, "logistic", Map.of("l2", Double.toString(l2)));
    }

    /** A classifier (labels no/yes) of learner {@code learner} with these parameters. */
    static Bundle classifier(String name, String learner, Map<String, String> params) {
        Frame raw = features();
        int[] label = new int[raw.rowCount()];
        for (int i = 0; i < label.length; i++) {
            double size = raw.numeric("size").get(i);
            label[i] = size > 5 || "red".equals(raw.categorical("colour").label(i)) ? 1 : 0;
        }
        return bundle(name, learner, params, raw, CategoricalColumn.of("label", label, List.of("no", "yes")), Task.BINARY);
    }

    /** A regressor of learner {@code learner}: the target grows with size, and more for red. */
    static Bundle regressor(String name, String learner, Map<String, String> params) {
        Frame raw = features();
        double[] target = new double[raw.rowCount()];
        for (int i = 0; i < target.length; i++) {
            double size = raw.numeric("size").get(i);
            target[i] = (Double.isNaN(size) ? 3 : size) * 1.7 + ("red".equals(raw.categorical("colour").label(i)) ? 2.5 : 0) + i % 7 * 0.01;
        }
        return bundle(name, learner, params, raw, NumericColumn.of("label", target), Task.REGRESSION);
    }

    private static Bundle bundle(String name, String learner, Map<String, String> params, Frame raw,
                                 dev.kiln.data.Column label, Task task) {
        List<FittedTransformer> steps = new ArrayList<>();
        Frame prepared = raw;
        for (Transformer t : List.of(new Imputer(Imputer.NumericStrategy.MEDIAN), new OneHotEncoder())) {
            FittedTransformer fitted = t.fit(prepared);
            prepared = fitted.apply(prepared);
            steps.add(fitted);
        }
        Model model = Learners.create(learner, params).fit(prepared.with(label), TrainOptions.of("label", task, 1));
        Schema schema = Schema.of(List.of(new Field("size", ColumnKind.NUMERIC, Role.FEATURE),
                new Field("colour", ColumnKind.CATEGORICAL, Role.FEATURE, List.of("red", "green", "blue")),
                new Field("id", ColumnKind.NUMERIC, Role.IGNORED)));
        boolean binary = task == Task.BINARY;
        Manifest manifest = new Manifest(1, "test", name, binary ? "binary" : "regression", "label",
                binary ? List.of("no", "yes") : List.of(), learner, Map.of(),
                List.of(), Map.of(), Manifest.Lineage.now("run-" + name, "data", "spec", 1), Map.of());
        return new Bundle(manifest, new Pipeline(schema, steps, model), DriftReference.fit(raw, null, 0.1, 0.25));
    }

    /** Two rows: size 7.5 blue, and a missing size in red. */
    static Frame twoRows() {
        return Frame.of(NumericColumn.of("size", new double[] {7.5, Double.NaN}), CategoricalColumn.ofLabels("colour", new String[] {"blue", "red"}));
    }
}
