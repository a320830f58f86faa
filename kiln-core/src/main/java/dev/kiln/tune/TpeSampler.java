package dev.kiln.tune;

import dev.kiln.learn.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The tree-structured Parzen estimator (Bergstra et al., "Algorithms for hyper-parameter optimization",
 * NIPS 2011), univariate as in hyperopt and Optuna. After {@code startup} random trials, the finished trials
 * are split into the best {@code gamma} share and the rest; per dimension each share gets a Parzen density
 * on the unit interval (Gaussians at the observed points, Scott's bandwidth, plus a uniform prior
 * component; smoothed counts for choices), {@value #CANDIDATES} candidates are drawn from the good density
 * and the one with the highest ratio of good to bad density wins. Pruned trials count with their running
 * score. Dimensions a trial left at its default are skipped for that trial. Immutable.
 */
public final class TpeSampler implements Sampler {
    static final int CANDIDATES = 24;
    private static final double GAMMA = 0.25;
    private static final int MAX_GOOD = 25;

    private final SearchSpace space;
    private final boolean higherIsBetter;
    private final int startup;
    private final RandomSampler prior;

    /** @param startup how many trials to draw at random before modelling (at least 2) */
    public TpeSampler(SearchSpace space, boolean higherIsBetter, int startup) {
        this.space = space;
        this.higherIsBetter = higherIsBetter;
        this.startup = Math.max(2, startup);
        this.prior = new RandomSampler(space);
    }

    @Override
    public Map<String, String> propose(int index, List<Trial> history, SplittableRandom random) {
        List<Trial> scored = new ArrayList<>();
        for (Trial trial : history) {
            if (!Double.isNaN(trial.score())) {
                scored.add(trial);
            }
        }
        if (scored.size() < startup || space.dimensions().isEmpty()) {
            return prior.propose(index, history, random);
        }
        Comparator<Trial> best = Comparator.comparingDouble(t -> higherIsBetter ? -t.score() : t.score());
        scored.sort(best.thenComparingInt(Trial::index));
        int good = Math.min(MAX_GOOD, Math.max(1, (int) Math.ceil(GAMMA * scored.size())));
        List<Trial> goodTrials = scored.subList(0, good);
        List<Trial> badTrials = scored.subList(good, scored.size());
        List<double[]> goodValues = new ArrayList<>();
        List<double[]> badValues = new ArrayList<>();
        for (SearchSpace.Dimension dimension : space.dimensions()) {
            goodValues.add(values(dimension, goodTrials));
            badValues.add(values(dimension, badTrials));
        }
        double[] bestCandidate = null;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double[] candidate = new double[space.dimensions().size()];
            double ratio = 0;
            for (int d = 0; d < candidate.length; d++) {
                SearchSpace.Dimension dimension = space.dimensions().get(d);
                ParzenDensity l = ParzenDensity.of(dimension, goodValues.get(d));
                ParzenDensity g = ParzenDensity.of(dimension, badValues.get(d));
                candidate[d] = l.sample(random);
                ratio += Math.log(l.density(candidate[d])) - Math.log(g.density(candidate[d]));
            }
            if (ratio > bestRatio) {
                bestRatio = ratio;
                bestCandidate = candidate;
            }
        }
        Map<String, String> point = new LinkedHashMap<>();
        for (int d = 0; d < bestCandidate.length; d++) {
            SearchSpace.Dimension dimension = space.dimensions().get(d);
            point.put(dimension.key(), SpaceCoding.decode(dimension, bestCandidate[d]));
        }
        return point;
    }

    /** The unit-interval positions of {@code dimension} in {@code trials} that set it. */
    private static double[] values(SearchSpace.Dimension dimension, List<Trial> trials) {
        List<Double> out = new ArrayList<>();
        for (Trial trial : trials) {
            String value = trial.params().get(dimension.key());
            double u = value == null ? Double.NaN : SpaceCoding.encode(dimension, value);
            if (!Double.isNaN(u)) {
                out.add(u);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
