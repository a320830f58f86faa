package dev.kiln.report;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Schema;
import dev.kiln.eval.DecisionThreshold;
import dev.kiln.eval.EvaluationReport;
import dev.kiln.eval.Evaluator;
import dev.kiln.eval.LeaderboardEntry;
import dev.kiln.eval.LearningCurve;
import dev.kiln.eval.Metric;
import dev.kiln.eval.Truth;
import dev.kiln.learn.Model;
import dev.kiln.learn.Pipeline;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.gbm.GbmLearner;
import dev.kiln.learn.gbm.GbmParams;
import dev.kiln.learn.glm.LinearLearner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Evaluation reports of real models on the shipped datasets, for the rendering test. */
final class EvaluationFixtures {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private EvaluationFixtures() {
    }

    /** A GBM on titanic's numeric columns: binary, with a learning curve, a threshold, fairness over Sex. */
    static EvaluationReport titanic() throws IOException {
        Frame raw = CsvReader.read(Path.of("src/test/resources/datasets/titanic.csv"), CsvOptions.defaults());
        String[] survived = new String[raw.rowCount()];
        for (int i = 0; i < survived.length; i++) {
            survived[i] = raw.numeric("Survived").get(i) == 1 ? "yes" : "no";
        }
        Frame features = raw.select(List.of("Pclass", "Age", "SibSp", "Parch", "Fare"));
        CategoricalColumn target = CategoricalColumn.ofLabels("y", survived);
        int n = raw.rowCount();
        int[] train = range(0, n * 3 / 4);
        int[] test = range(n * 3 / 4, n);
        Frame trainFrame = features.take(train).with(target.take(train));
        TrainOptions options = TrainOptions.of("y", Task.BINARY, 1);
        GbmLearner learner = new GbmLearner(GbmParams.defaults().withTrees(40));
        Model model = learner.fit(trainFrame, options);
        Frame testRows = raw.take(test).with(CategoricalColumn.ofLabels("Sex", sexWithHostileLevel(raw.take(test))));
        Truth truth = Truth.ofClasses(((CategoricalColumn) target.take(test)).toCodes());
        Pipeline pipeline = new Pipeline(Schema.of(features), List.of(), model).withDecisionThreshold(0.4);
        LearningCurve curve = LearningCurve.of(rows -> {
            Model m = learner.fit(trainFrame.take(rows), options);
            return new LearningCurve.Predictor() {
                @Override
                public Predictions predictTrain(int[] at) {
                    return m.predict(trainFrame.take(at));
                }

                @Override
                public Predictions predictValidation() {
                    return m.predict(testRows);
                }
            };
        }, Truth.ofClasses(((CategoricalColumn) target.take(train)).toCodes()), truth, Task.BINARY, model.classes(), Metric.ROC_AUC, 1);
        List<LeaderboardEntry> board = List.of(new LeaderboardEntry("gbm", "gbm", 0.86, 0.2, true),
                new LeaderboardEntry(HOSTILE, "tree", 0.8, 0.01, false));
        Evaluator.Context context = new Evaluator.Context("titanic " + HOSTILE, Metric.ROC_AUC, List.of("Sex"), 1, board, curve,
                new DecisionThreshold.Choice("f1", 0.4, 0.7), List.of("a note with " + HOSTILE));
        return Evaluator.evaluate(pipeline, testRows, truth, "Survived", context);
    }

    /** A linear model of mpg on auto_mpg's numeric columns: regression, residuals. */
    static EvaluationReport autoMpg() throws IOException {
        Frame raw = CsvReader.read(Path.of("src/test/resources/datasets/auto_mpg.csv"), CsvOptions.defaults().withMissing(List.of("?")));
        Frame features = raw.select(List.of("cylinders", "displacement", "weight", "acceleration", "model_year"));
        NumericColumn mpg = raw.numeric("mpg");
        Model model = new LinearLearner().fit(features.with(NumericColumn.of("y", mpg.toArray())), TrainOptions.of("y", Task.REGRESSION, 1));
        Pipeline pipeline = new Pipeline(Schema.of(features), List.of(), model);
        Evaluator.Context context = new Evaluator.Context("auto mpg", Metric.RMSE, List.of(), 1, List.of(), null, null, List.of());
        return Evaluator.evaluate(pipeline, raw, Truth.ofValues(mpg.toArray()), "mpg", context);
    }

    private static String[] sexWithHostileLevel(Frame rows) {
        String[] out = new String[rows.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i % 50 == 0 ? HOSTILE : rows.column("Sex").format(i);
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        Arrays.setAll(out, i -> from + i);
        return out;
    }
}
