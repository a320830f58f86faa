package dev.kiln.learn;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.List;

/**
 * A training frame checked and split into what learners read: the feature matrix (every column but the
 * target, in frame order) and the target as class codes (classification) or values (regression).
 *
 * <p>Rejects, with {@link IllegalArgumentException} naming the column: an empty frame, a target of the
 * wrong kind, a missing target value, a non-finite feature value, and a class count that does not fit
 * the task. Copies what it keeps, so the frame is never modified and never referenced afterwards.
 */
public final class TrainingData {
    private final Task task;
    private final FeatureMatrix features;
    private final List<String> classes;
    private final int[] labels;
    private final double[] targets;

    private TrainingData(Task task, FeatureMatrix features, List<String> classes, int[] labels, double[] targets) {
        this.task = task;
        this.features = features;
        this.classes = classes;
        this.labels = labels;
        this.targets = targets;
    }

    /** Checks {@code train} against {@code options} and extracts features and target. */
    public static TrainingData of(Frame train, TrainOptions options) {
        return of(train, options, false);
    }

    /**
     * Like {@link #of}, but keeps missing (NaN) feature values, for learners that handle them
     * natively; infinite values are still rejected.
     */
    public static TrainingData allowingMissing(Frame train, TrainOptions options) {
        return of(train, options, true);
    }

    private static TrainingData of(Frame train, TrainOptions options, boolean allowMissing) {
        String target = options.target();
        Checks.checkArgument(train.has(target), "target column '%s' is not in the frame (columns: %s)", target, train.names());
        Checks.checkArgument(train.rowCount() > 0, "training frame has no rows");
        FeatureMatrix matrix = FeatureMatrix.of(train, FeatureMatrix.featureNames(train, target));
        checkFinite(matrix, allowMissing);
        Column column = train.column(target);
        if (options.task().isClassification()) {
            Checks.checkArgument(column instanceof CategoricalColumn, "target column '%s' is %s, expected categorical for %s",
                    target, column.kind().label(), options.task().label());
            return classification(options.task(), matrix, (CategoricalColumn) column);
        }
        Checks.checkArgument(column instanceof NumericColumn, "target column '%s' is %s, expected numeric for regression",
                target, column.kind().label());
        double[] values = ((NumericColumn) column).toArray();
        for (int i = 0; i < values.length; i++) {
            Checks.checkArgument(Double.isFinite(values[i]), "target column '%s' has a missing or non-finite value (%s) at row %s",
                    target, values[i], i);
        }
        return new TrainingData(Task.REGRESSION, matrix, List.of(), null, values);
    }

    private static TrainingData classification(Task task, FeatureMatrix matrix, CategoricalColumn column) {
        List<String> levels = column.levels();
        if (task == Task.BINARY) {
            Checks.checkArgument(levels.size() == 2, "target column '%s' has %s classes %s, binary needs exactly 2",
                    column.name(), levels.size(), levels);
        } else {
            Checks.checkArgument(levels.size() >= 2, "target column '%s' has %s classes %s, multiclass needs at least 2",
                    column.name(), levels.size(), levels);
        }
        int[] codes = column.toCodes();
        for (int i = 0; i < codes.length; i++) {
            Checks.checkArgument(codes[i] != CategoricalColumn.MISSING, "target column '%s' has a missing value at row %s",
                    column.name(), i);
        }
        return new TrainingData(task, matrix, levels, codes, null);
    }

    private static void checkFinite(FeatureMatrix matrix, boolean allowMissing) {
        for (int j = 0; j < matrix.columnCount(); j++) {
            double[] values = matrix.column(j);
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i]) && !(allowMissing && Double.isNaN(values[i]))) {
                    throw new IllegalArgumentException(String.format(
                            "feature column '%s' has a missing or non-finite value (%s) at row %s; impute before training",
                            matrix.names().get(j), values[i], i));
                }
            }
        }
    }

    public Task task() {
        return task;
    }

    /** The feature columns; callers must not modify their arrays. */
    public FeatureMatrix features() {
        return features;
    }

    public List<String> featureNames() {
        return features.names();
    }

    public int rows() {
        return features.rows();
    }

    /** The class labels (index = code); empty for regression. */
    public List<String> classes() {
        return classes;
    }

    /** The class code of every row; callers must not modify it. {@link IllegalStateException} for regression. */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("regression data has no class labels");
        }
        return labels;
    }

    /** The target value of every row; callers must not modify it. {@link IllegalStateException} for classification. */
    public double[] targets() {
        if (targets == null) {
            throw new IllegalStateException("classification data has no numeric targets");
        }
        return targets;
    }
}
