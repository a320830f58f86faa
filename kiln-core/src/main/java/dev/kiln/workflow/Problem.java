package dev.kiln.workflow;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.learn.Targets;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The learning problem read off the data: the task (binary, multiclass or regression), the classes,
 * the raw feature columns and the target as learners want it. Rows with a missing target are left out.
 * Clustering and anomaly detection have no target (null) and use every column.
 */
record Problem(Task task, List<String> classes, Frame features, Column target, List<String> notes) {
    /** A numeric target with more distinct values than this, or any fraction, is inferred to be regression. */
    static final int MAX_INFERRED_CLASSES = 20;

    /** The problem of a spec: classification (binary or multiclass by the class count), regression, clustering or anomaly, as it says. */
    static Problem of(Frame raw, Spec spec) {
        if (spec.problem().unsupervisedTask() != null) {
            return unsupervised(raw, spec.problem().unsupervisedTask());
        }
        String name = spec.problem().target();
        return of(raw, name, spec.problem().isClassification() ? Kind.CLASSIFICATION : Kind.REGRESSION, null);
    }

    /**
     * The problem of predicting {@code name} from the other columns of {@code raw}. {@code task} is
     * {@link Task#REGRESSION}, a classification task (checked against the class count), or null to
     * infer it: {@link #inferRegression regression} for a numeric target with many values or
     * fractions, otherwise binary or multiclass by the class count.
     */
    static Problem of(Frame raw, String name, Task task) {
        Kind kind = task == null ? null : task == Task.REGRESSION ? Kind.REGRESSION : Kind.CLASSIFICATION;
        return of(raw, name, kind, task);
    }

    /** An unsupervised problem (clustering, anomaly detection): every column is a feature, there is no target (null). */
    static Problem unsupervised(Frame raw, Task task) {
        if (!task.isUnsupervised()) {
            throw new IllegalArgumentException("task " + task.label() + " needs a target");
        }
        return new Problem(task, List.of(), raw, null, List.of());
    }

    private enum Kind { CLASSIFICATION, REGRESSION }

    private static Problem of(Frame raw, String name, Kind kind, Task task) {
        if (!raw.has(name)) {
            throw new InvalidDataException("no target column '" + name + "' (columns: " + String.join(", ", raw.names()) + ")");
        }
        Column rawTarget = raw.column(name);
        List<String> notes = new ArrayList<>();
        int[] present = Targets.presentRows(rawTarget);
        Frame rows = raw;
        if (present.length < raw.rowCount()) {
            notes.add((raw.rowCount() - present.length) + " rows with a missing target '" + name + "' were left out");
            rows = raw.take(present);
        }
        Column target = rows.column(name);
        Frame features = rows.drop(List.of(name));
        boolean regression = kind == null ? inferRegression(target) : kind == Kind.REGRESSION;
        if (regression) {
            return new Problem(Task.REGRESSION, List.of(), features, Targets.regression(target), notes);
        }
        List<String> classes = Targets.classes(target);
        if (classes.size() < 2) {
            throw new InvalidDataException("target '" + name + "' has " + classes.size() + " class(es) " + classes
                    + ", expected at least 2 for classification");
        }
        Task found = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        if (task != null && task != found) { // an explicit binary or multiclass must match the data
            throw new InvalidDataException("target '" + name + "' has " + classes.size() + " classes, so the task is "
                    + found.label() + ", not " + task.label());
        }
        return new Problem(found, classes, features, Targets.classification(target, classes), notes);
    }

    /** Whether {@code target} looks like a regression target: numeric, with a fraction or many distinct values. */
    static boolean inferRegression(Column target) {
        if (!(target instanceof NumericColumn numeric)) {
            return false;
        }
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < numeric.size(); i++) {
            double v = numeric.get(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (v != Math.rint(v)) {
                return true;
            }
            if (distinct.add(v) && distinct.size() > MAX_INFERRED_CLASSES) {
                return true;
            }
        }
        return false;
    }
}
