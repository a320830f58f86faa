package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code prepare: auto}: chooses the preparation of every column from its kind and its training
 * statistics, and records each choice with its reason. The rules, in plan order: drop exact duplicate
 * training rows; drop columns that are constant, id-like (every value distinct; integers, labels or
 * labels, or one-word text with over half its values distinct) or missing in more than half the rows; timestamps become date parts; other text
 * becomes TF-IDF of its 20 most common terms; missing values are filled (median with an indicator,
 * most frequent label); numeric columns with |skewness| above 1 get Yeo–Johnson; numeric columns are
 * standardised; categoricals with more than 20 levels are target-encoded (when there is a target), the
 * rest one-hot encoded with levels under 1% grouped; finally constant and near-duplicate (|r| > 0.98)
 * features are dropped. Looks at training rows only.
 */
public final class AutoPreparation {
    static final double MAX_MISSING = 0.5;
    static final int MAX_ONE_HOT_LEVELS = 20;
    static final double MAX_SKEW = 1.0;

    private AutoPreparation() {
    }

    /** The plan for {@code train} (features only) and an optional {@code target} (same rows, or null). */
    public static PreparationPlan plan(Frame train, Column target) {
        List<PreparationPlan.Step> steps = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        steps.add(new PreparationPlan.RowStep(new DropDuplicates(List.of(), DropDuplicates.Keep.FIRST)));
        List<DropColumns.Dropped> dropped = new ArrayList<>();
        List<String> numeric = new ArrayList<>();
        List<String> skewed = new ArrayList<>();
        List<String> highCardinality = new ArrayList<>();
        boolean dates = false;
        boolean text = false;
        for (Column column : train.columns()) {
            String reason = dropReason(column, train.rowCount());
            if (reason != null) {
                dropped.add(new DropColumns.Dropped(column.name(), reason));
                choices.add("drop '" + column.name() + "': " + reason);
            } else if (column.kind() == ColumnKind.TIMESTAMP) {
                dates = true;
                choices.add("'" + column.name() + "': timestamp -> year, month, day, day of week, hour, cyclical, elapsed days");
            } else if (column instanceof TextColumn) {
                text = true;
                choices.add("'" + column.name() + "': free text -> TF-IDF of its 20 most common terms");
            } else if (column instanceof NumericColumn n) {
                numeric.add(n.name());
                double skew = skewness(TrainingStats.sortedPresent(n));
                if (Math.abs(skew) > MAX_SKEW && distinct(n) > 10) {
                    skewed.add(n.name());
                    choices.add(String.format(Locale.ROOT, "'%s': skewness %.2f -> Yeo-Johnson, then standardise", n.name(), skew));
                } else {
                    choices.add("'" + n.name() + "': numeric -> median fill" + (n.missingCount() > 0 ? " + indicator" : "") + ", standardise");
                }
            } else if (column instanceof CategoricalColumn c) {
                int levels = levelsSeen(c);
                if (levels > MAX_ONE_HOT_LEVELS && target != null) {
                    highCardinality.add(c.name());
                    choices.add("'" + c.name() + "': " + levels + " levels -> target encoding with 5 inner folds");
                } else {
                    choices.add("'" + c.name() + "': " + levels + " levels -> one-hot (levels under 1% and beyond 20 grouped)");
                }
            }
        }
        steps.add(new PreparationPlan.FitStep(new DropColumns(dropped)));
        if (dates) {
            steps.add(new PreparationPlan.FitStep(DateFeatures.all()));
        }
        if (text) {
            steps.add(new PreparationPlan.FitStep(new TextVectorizer(TextVectorizer.Method.TFIDF, 20)));
        }
        steps.add(new PreparationPlan.FitStep(new Imputer(Imputer.NumericStrategy.MEDIAN, 0, null, true)));
        if (!skewed.isEmpty()) {
            steps.add(new PreparationPlan.FitStep(new PowerTransform(PowerTransform.Method.YEO_JOHNSON, skewed)));
        }
        if (!numeric.isEmpty()) {
            steps.add(new PreparationPlan.FitStep(new Scaler(Scaler.Method.STANDARD, numeric)));
        }
        if (!highCardinality.isEmpty()) {
            steps.add(new PreparationPlan.SupervisedStep(new TargetEncoder(5, 10.0, 42, highCardinality)));
        }
        steps.add(new PreparationPlan.FitStep(new OneHotEncoder(MAX_ONE_HOT_LEVELS, 0.01)));
        if (target != null) {
            steps.add(new PreparationPlan.SupervisedStep(new FeatureSelector(0.0, 0.98, 0)));
            choices.add("features: drop constant ones and one of each pair with |correlation| > 0.98");
        }
        return new PreparationPlan(steps, choices);
    }

    /** Why {@code column} is dropped, or null to keep it. */
    static String dropReason(Column column, int rows) {
        int missing = column.missingCount();
        if (rows > 0 && (double) missing / rows > MAX_MISSING) {
            return String.format(Locale.ROOT, "missing in %.0f%% of training rows", 100.0 * missing / rows);
        }
        Set<String> values = new HashSet<>();
        boolean integers = true;
        int words = 0;
        for (int i = 0; i < column.size(); i++) {
            String value = column.format(i);
            if (value != null) {
                values.add(value);
                words += column instanceof TextColumn ? TextVectorizer.tokens(value).size() : 1;
                integers &= !(column instanceof NumericColumn n) || n.get(i) == Math.rint(n.get(i));
            }
        }
        int present = rows - missing;
        if (values.size() <= 1) {
            return "constant (" + values.size() + " distinct value)";
        }
        boolean unique = values.size() == present && present >= 20;
        boolean oneWord = column instanceof TextColumn && words < 1.5 * present;
        boolean labels = column.kind() == ColumnKind.CATEGORICAL;
        if ((unique && (labels || (integers && column.kind() == ColumnKind.NUMERIC)))
                || (oneWord && values.size() > 0.5 * present)) {
            return "id-like (" + values.size() + " distinct values in " + present + " rows)";
        }
        return null;
    }

    static double skewness(double[] values) {
        if (values.length < 3) {
            return 0.0;
        }
        double mean = TrainingStats.mean(values);
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= values.length;
        m3 /= values.length;
        return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0.0;
    }

    private static int distinct(NumericColumn n) {
        double[] sorted = TrainingStats.sortedPresent(n);
        int distinct = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        return distinct;
    }

    private static int levelsSeen(CategoricalColumn c) {
        int seen = 0;
        for (int count : c.levelCounts()) {
            seen += count > 0 ? 1 : 0;
        }
        return seen;
    }
}
