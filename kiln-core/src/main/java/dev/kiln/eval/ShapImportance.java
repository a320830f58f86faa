package dev.kiln.eval;

import dev.kiln.learn.Explanation;
import dev.kiln.learn.Pipeline;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Global TreeSHAP importance: the mean over rows of |SHAP value| of each raw input column (summed over outputs for
 * multiclass), in the model's raw output units ({@link dev.kiln.learn.Explainable#outputSpace()}). Most important
 * first. Stateless.
 */
public final class ShapImportance {
    private ShapImportance() {
    }

    /** Whether {@code pipeline} can be explained by TreeSHAP (a tree model whose trees carry covers). */
    public static boolean supports(Pipeline pipeline) {
        return pipeline.model() instanceof dev.kiln.learn.Explainable;
    }

    /** Mean |SHAP| per input column over the rows of {@code input}; the std is over rows. */
    public static List<FeatureImportance> of(Pipeline pipeline, Frame input) {
        List<Explanation> explanations = pipeline.explain(input);
        Map<String, double[]> sums = new LinkedHashMap<>(); // column -> {sum, sum of squares}
        for (Explanation e : explanations) {
            for (Map.Entry<String, double[]> c : e.contributions().entrySet()) {
                double magnitude = 0;
                for (double v : c.getValue()) {
                    magnitude += Math.abs(v);
                }
                double[] s = sums.computeIfAbsent(c.getKey(), k -> new double[2]);
                s[0] += magnitude;
                s[1] += magnitude * magnitude;
            }
        }
        int n = Math.max(1, explanations.size());
        List<FeatureImportance> out = new ArrayList<>();
        sums.forEach((column, s) -> {
            double mean = s[0] / n;
            out.add(new FeatureImportance(column, mean, Math.sqrt(Math.max(0, s[1] / n - mean * mean))));
        });
        out.sort(Comparator.comparingDouble((FeatureImportance f) -> -f.mean()));
        return List.copyOf(out);
    }
}
