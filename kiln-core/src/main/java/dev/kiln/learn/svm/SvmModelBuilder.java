package dev.kiln.learn.svm;

import dev.kiln.learn.FeatureScaling;
import dev.kiln.learn.Task;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the solved pairs of an {@link SvmModel} while it is trained: support vectors shared between
 * pairs are stored once, numbered in the order they first appear. Used by one thread, then discarded.
 */
final class SvmModelBuilder {
    private final Task task;
    private final List<String> features;
    private final List<String> classes;
    private final SvmParams params;
    private final FeatureScaling scaling;
    private final Kernel kernel;
    private final Map<Integer, Integer> supportIndex = new HashMap<>();
    private double[] supportVectors = new double[0];
    private int supportCount;
    private int[] starts = {0};
    private int[] support = new int[0];
    private double[] coefficients = new double[0];
    private double[] rho = new double[0];
    private double[] plattA = new double[0];
    private double[] plattB = new double[0];

    SvmModelBuilder(Task task, List<String> features, List<String> classes, SvmParams params, FeatureScaling scaling,
                    Kernel kernel) {
        this.task = task;
        this.features = features;
        this.classes = classes;
        this.params = params;
        this.scaling = scaling;
        this.kernel = kernel;
    }

    /**
     * Adds the next pair: {@code fit} solved on the training rows {@code rows} (its support rows index
     * into them) of the row-major training matrix {@code x}, with Platt's {@code a} and {@code b}.
     */
    SvmModelBuilder addPair(SupportVectorFit fit, int[] rows, double[] x, double a, double b) {
        int dimension = features.size();
        int[] supportRows = fit.supportRows();
        int base = support.length;
        support = Arrays.copyOf(support, base + supportRows.length);
        coefficients = Arrays.copyOf(coefficients, base + supportRows.length);
        for (int s = 0; s < supportRows.length; s++) {
            int row = rows[supportRows[s]];
            Integer index = supportIndex.get(row);
            if (index == null) {
                index = supportCount++;
                supportIndex.put(row, index);
                if (supportVectors.length < supportCount * dimension) {
                    supportVectors = Arrays.copyOf(supportVectors, Math.max(supportCount * dimension, 2 * supportVectors.length));
                }
                System.arraycopy(x, row * dimension, supportVectors, index * dimension, dimension);
            }
            support[base + s] = index;
            coefficients[base + s] = fit.coefficients()[s];
        }
        int pairs = rho.length;
        starts = Arrays.copyOf(starts, pairs + 2);
        starts[pairs + 1] = support.length;
        rho = append(rho, fit.rho());
        plattA = append(plattA, a);
        plattB = append(plattB, b);
        return this;
    }

    SvmModel build() {
        return new SvmModel(task, features, classes, params, scaling, kernel,
                Arrays.copyOf(supportVectors, supportCount * features.size()), starts, support, coefficients, rho, plattA, plattB);
    }

    private static double[] append(double[] values, double value) {
        double[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = value;
        return out;
    }
}
