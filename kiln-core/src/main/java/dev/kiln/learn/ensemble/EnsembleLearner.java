package dev.kiln.learn.ensemble;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.learn.TrainOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits every member learner on the same rows, in order, and weighs them into an {@link EnsembleModel}.
 * {@code labels} name the members in records and reports ({@code gbm(trees=300)}). Immutable; deterministic
 * whenever its members are.
 */
public final class EnsembleLearner implements Learner<EnsembleModel> {
    private final List<Learner<?>> members;
    private final List<String> labels;
    private final double[] weights;

    public EnsembleLearner(List<Learner<?>> members, List<String> labels, double[] weights) {
        Checks.checkArgument(!members.isEmpty() && members.size() == weights.length && labels.size() == weights.length,
                "an ensemble needs one label and one weight per member: %s members, %s labels, %s weights",
                members.size(), labels.size(), weights.length);
        this.members = List.copyOf(members);
        this.labels = List.copyOf(labels);
        this.weights = weights.clone();
    }

    @Override
    public String name() {
        return EnsembleModel.TYPE;
    }

    /** One entry per member: its label and weight ({@code member_1: "gbm(trees=300) x 0.4"}). */
    @Override
    public Map<String, Object> params() {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int m = 0; m < labels.size(); m++) {
            out.put("member_" + (m + 1), String.format(java.util.Locale.ROOT, "%s x %.3f", labels.get(m), weights[m] / sum));
        }
        return out;
    }

    @Override
    public EnsembleModel fit(Frame train, TrainOptions options) {
        List<Model> models = new ArrayList<>();
        for (Learner<?> member : members) {
            models.add(member.fit(train, options));
        }
        return new EnsembleModel(models, weights);
    }
}
