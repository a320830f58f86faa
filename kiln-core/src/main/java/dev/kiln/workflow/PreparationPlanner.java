package dev.kiln.workflow;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.prep.AutoPreparation;
import dev.kiln.prep.Binner;
import dev.kiln.prep.DateFeatures;
import dev.kiln.prep.DerivedFeatures;
import dev.kiln.prep.DropColumns;
import dev.kiln.prep.DropDuplicates;
import dev.kiln.prep.DropSparseColumns;
import dev.kiln.prep.DropSparseRows;
import dev.kiln.prep.FeatureSelector;
import dev.kiln.prep.Imputer;
import dev.kiln.prep.Interactions;
import dev.kiln.prep.KnnImputer;
import dev.kiln.prep.LabelEncoder;
import dev.kiln.prep.MissingTokens;
import dev.kiln.prep.OneHotEncoder;
import dev.kiln.prep.IsolationOutliers;
import dev.kiln.prep.OutlierRule;
import dev.kiln.prep.PowerTransform;
import dev.kiln.prep.PreparationPlan;
import dev.kiln.prep.Scaler;
import dev.kiln.prep.TargetEncoder;
import dev.kiln.prep.TextVectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a spec's {@link Spec.Prepare} into a {@link PreparationPlan}, in the order the record documents. */
final class PreparationPlanner {
    private PreparationPlanner() {
    }

    static PreparationPlan plan(Spec.Prepare prepare, Frame train, Column target, long seed) {
        if (prepare.auto()) {
            return AutoPreparation.plan(train, target);
        }
        List<PreparationPlan.Step> steps = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        Spec.Missing missing = prepare.missing();
        if (!missing.tokens().isEmpty()) {
            fit(steps, new MissingTokens(missing.tokens()));
        }
        if (prepare.duplicates() != null) {
            steps.add(new PreparationPlan.RowStep(new DropDuplicates(prepare.duplicates().keys(),
                    DropDuplicates.Keep.valueOf(prepare.duplicates().keep().toUpperCase(Locale.ROOT)))));
        }
        if (missing.dropRows() != null) {
            steps.add(new PreparationPlan.RowStep(new DropSparseRows(missing.dropRows())));
        }
        if (missing.dropColumns() != null) {
            fit(steps, new DropSparseColumns(missing.dropColumns()));
        }
        fit(steps, new DropColumns(dropped(prepare, train)));
        if (prepare.dates() != null) {
            fit(steps, new DateFeatures(dateParts(prepare.dates())));
        }
        if (prepare.text() != null) {
            fit(steps, new TextVectorizer(prepare.text().method().equals("hashed") ? TextVectorizer.Method.HASHED
                    : TextVectorizer.Method.TFIDF, prepare.text().size()));
        }
        if (!prepare.features().isEmpty()) {
            fit(steps, new DerivedFeatures(prepare.features()));
        }
        if (!prepare.interactions().isEmpty()) {
            fit(steps, new Interactions(prepare.interactions()));
        }
        if (prepare.outliers() != null && prepare.outliers().method().equals("isolation_forest")) {
            Spec.Outliers o = prepare.outliers();
            fit(steps, new IsolationOutliers(o.trees(), o.maxSamples(), o.contamination(),
                    OutlierRule.Action.valueOf(o.action().toUpperCase(Locale.ROOT)), o.columns(), seed));
        } else if (prepare.outliers() != null) {
            Spec.Outliers o = prepare.outliers();
            fit(steps, new OutlierRule(o.method().equals("iqr") ? OutlierRule.Method.IQR : OutlierRule.Method.Z_SCORE, o.factor(),
                    OutlierRule.Action.valueOf(o.action().toUpperCase(Locale.ROOT)), o.columns()));
        }
        if (missing.numeric().equals("knn")) {
            fit(steps, new KnnImputer(missing.neighbours(), 2000));
        }
        Imputer.NumericStrategy numeric = missing.numeric().equals("knn") ? Imputer.NumericStrategy.MEDIAN : Imputer.strategy(missing.numeric());
        fit(steps, new Imputer(numeric, missing.constant(), missing.categorical().equals("constant") ? missing.label() : null,
                missing.indicators()));
        if (prepare.transform() != null) {
            fit(steps, new PowerTransform(prepare.transform().method().equals("log") ? PowerTransform.Method.LOG
                    : PowerTransform.Method.YEO_JOHNSON, prepare.transform().columns()));
        }
        if (prepare.bins() != null) {
            fit(steps, new Binner(prepare.bins().bins(), prepare.bins().method().equals("uniform") ? Binner.Method.UNIFORM
                    : Binner.Method.QUANTILE, prepare.bins().columns()));
        }
        if (prepare.scale() != null) {
            fit(steps, new Scaler(Scaler.Method.valueOf(prepare.scale().toUpperCase(Locale.ROOT))));
        }
        encode(prepare.encode(), steps, seed);
        if (prepare.select() != null) {
            Spec.Select s = prepare.select();
            FeatureSelector.ImportanceRule importance = s.importance() == null ? null
                    : new FeatureSelector.ImportanceRule(new ModelImportance(seed, Runtime.getRuntime().availableProcessors()),
                            s.importance() >= 1 ? s.importance().intValue() : 0, s.importance() >= 1 ? Double.NaN : s.importance());
            steps.add(new PreparationPlan.SupervisedStep(new FeatureSelector(s.variance() == null ? Double.NaN : s.variance(),
                    s.correlation() == null ? Double.NaN : s.correlation(), s.mutualInformation() == null ? 0 : s.mutualInformation(),
                    importance)));
        }
        return new PreparationPlan(steps, choices);
    }

    private static void encode(Spec.Encode encode, List<PreparationPlan.Step> steps, long seed) {
        switch (encode.method()) {
            case "ordinal" -> fit(steps, new LabelEncoder(LabelEncoder.Method.ORDINAL, encode.order()));
            case "frequency" -> fit(steps, new LabelEncoder(LabelEncoder.Method.FREQUENCY));
            case "target" -> {
                steps.add(new PreparationPlan.SupervisedStep(new TargetEncoder(5, 10.0, seed, List.of())));
                fit(steps, new OneHotEncoder());
            }
            default -> { }
        }
        // boolean columns (and categoricals left by the methods above) always end one-hot encoded
        fit(steps, encode.method().equals("onehot") ? new OneHotEncoder(encode.maxLevels(), encode.minFrequency()) : new OneHotEncoder());
    }

    /** The listed columns, and timestamp and text columns that no step reads. */
    private static List<DropColumns.Dropped> dropped(Spec.Prepare prepare, Frame train) {
        List<DropColumns.Dropped> dropped = new ArrayList<>();
        for (String column : prepare.drop()) {
            dropped.add(new DropColumns.Dropped(column, "listed in prepare.drop"));
        }
        for (Column column : train.columns()) {
            boolean listed = prepare.drop().contains(column.name());
            boolean unread = (column.kind() == ColumnKind.TEXT && prepare.text() == null)
                    || (column.kind() == ColumnKind.TIMESTAMP && prepare.dates() == null);
            if (!listed && unread) {
                dropped.add(new DropColumns.Dropped(column.name(), column.kind().label()
                        + " column without prepare." + (column.kind() == ColumnKind.TEXT ? "text" : "dates")));
            }
        }
        return dropped;
    }

    private static Set<DateFeatures.Part> dateParts(List<String> parts) {
        Set<DateFeatures.Part> out = new java.util.HashSet<>();
        for (String part : parts) {
            out.add(switch (part) {
                case "year" -> DateFeatures.Part.YEAR;
                case "month" -> DateFeatures.Part.MONTH;
                case "day" -> DateFeatures.Part.DAY;
                case "dow" -> DateFeatures.Part.DAY_OF_WEEK;
                case "hour" -> DateFeatures.Part.HOUR;
                case "cyclical" -> DateFeatures.Part.CYCLICAL;
                default -> DateFeatures.Part.ELAPSED;
            });
        }
        return out;
    }

    private static void fit(List<PreparationPlan.Step> steps, dev.kiln.prep.Transformer transformer) {
        steps.add(new PreparationPlan.FitStep(transformer));
    }
}
