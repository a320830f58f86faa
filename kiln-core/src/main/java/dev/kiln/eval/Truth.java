package dev.kiln.eval;

import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.Map;

/**
 * The true targets of some rows: class indexes for classification, values for regression. Lets evaluation code
 * score predictions without caring which. Immutable: arrays are copied in.
 */
public sealed interface Truth permits Truth.Classes, Truth.Values {

    /** The number of rows. */
    int size();

    /** The value of {@code metric} for {@code predictions} of these rows. */
    double score(Metric metric, Predictions predictions);

    /** Every metric of {@code task} for {@code predictions} of these rows (see {@link Metrics#all}). */
    Map<String, Double> all(Task task, Predictions predictions);

    /** The truth of the rows at {@code rows}, in that order. */
    Truth take(int[] rows);

    /** Class indexes, in [0, classes). */
    static Truth ofClasses(int[] classes) {
        return new Classes(classes);
    }

    /** Numeric targets. */
    static Truth ofValues(double[] values) {
        return new Values(values);
    }

    /** True class indexes. */
    record Classes(int[] codes) implements Truth {
        public Classes {
            codes = codes.clone();
        }

        @Override
        public int[] codes() {
            return codes.clone();
        }

        @Override
        public int size() {
            return codes.length;
        }

        @Override
        public double score(Metric metric, Predictions predictions) {
            return Metrics.compute(metric, predictions, codes);
        }

        @Override
        public Map<String, Double> all(Task task, Predictions predictions) {
            return Metrics.all(task, predictions, codes);
        }

        @Override
        public Truth take(int[] rows) {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = codes[rows[i]];
            }
            return new Classes(out);
        }

        int code(int row) {
            return codes[row];
        }
    }

    /** True numeric values. */
    record Values(double[] values) implements Truth {
        public Values {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public double score(Metric metric, Predictions predictions) {
            return Metrics.compute(metric, predictions, values);
        }

        @Override
        public Map<String, Double> all(Task task, Predictions predictions) {
            return Metrics.all(task, predictions, values);
        }

        @Override
        public Truth take(int[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Values(out);
        }

        double value(int row) {
            return values[row];
        }
    }
}
