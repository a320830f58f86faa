package dev.kiln.learn.tree;

import java.util.Arrays;

/**
 * TreeSHAP over whole tree models: one {@link CompactTree}, or a {@link TreeEnsemble} whose trees are averaged
 * (forests) or summed into outputs round-robin (boosting, tree {@code t} adding to output {@code t mod outputs}).
 * The baseline is the expected value of the model's raw output; baseline plus contributions equals the raw output.
 * Not thread-safe (scratch space); one per thread or call.
 */
public final class TreeExplainer {
    private final TreeShap shap = new TreeShap();

    /** Baseline and contributions of a single tree, outputs = the tree's width. */
    public void explain(CompactTree tree, double[] x, double[] baseline, double[] contributions) {
        ShapTree view = new CompactShapTree(tree);
        int width = tree.width();
        Arrays.fill(contributions, 0.0);
        for (int k = 0; k < width; k++) {
            baseline[k] = view.expectedValue(k);
        }
        shap.add(view, x, width, width, 0, 1.0, contributions);
    }

    /** Baseline and contributions of the mean of the trees of {@code ensemble}; outputs = its width. */
    public void explainMean(TreeEnsemble ensemble, double[] x, double[] baseline, double[] contributions) {
        int width = ensemble.width();
        int trees = ensemble.trees();
        Arrays.fill(contributions, 0.0);
        Arrays.fill(baseline, 0, width, 0.0);
        for (int t = 0; t < trees; t++) {
            ShapTree view = ensemble.shapTree(t);
            for (int k = 0; k < width; k++) {
                baseline[k] += view.expectedValue(k);
            }
            shap.add(view, x, width, width, 0, 1.0, contributions);
        }
        for (int k = 0; k < width; k++) {
            baseline[k] /= trees;
        }
        for (int i = 0; i < contributions.length; i++) {
            contributions[i] /= trees;
        }
    }

    /**
     * Baseline and contributions of boosted raw scores: {@code start[k]} plus the trees of output {@code k}
     * (width-1 trees, tree {@code t} adding to output {@code t mod outputs}).
     */
    public void explainSum(TreeEnsemble ensemble, double[] start, int outputs, double[] x, double[] baseline, double[] contributions) {
        Arrays.fill(contributions, 0.0);
        System.arraycopy(start, 0, baseline, 0, outputs);
        for (int t = 0; t < ensemble.trees(); t++) {
            ShapTree view = ensemble.shapTree(t);
            baseline[t % outputs] += view.expectedValue(0);
            shap.add(view, x, 1, outputs, t % outputs, 1.0, contributions);
        }
    }
}
