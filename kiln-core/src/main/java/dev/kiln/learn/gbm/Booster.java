package dev.kiln.learn.gbm;

import dev.kiln.data.Checks;
import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.Binner;
import dev.kiln.learn.tree.FeatureColumns;
import dev.kiln.learn.tree.FeatureBins;
import dev.kiln.learn.ParallelLoop;
import dev.kiln.learn.tree.TreeEnsemble;
import dev.kiln.learn.tree.TreeEnsembleBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;

/**
 * The boosting loop (Friedman, 2001, with XGBoost's second-order leaves): start from the loss's
 * baseline; each round compute gradients and hessians, draw the round's rows, then grow one tree per
 * output on them and add its leaf values to the raw scores. With early stopping, a seeded holdout of
 * the training rows is scored every round and the model keeps the rounds up to the best one.
 *
 * <p>Deterministic: every random draw comes from one generator seeded by the caller and used on the
 * calling thread only; parallel work writes disjoint outputs. Used once per fit.
 */
final class Booster {
    private static final int ROW_BLOCK = 16_384;
    private final GbmParams params;
    private final Loss loss;
    private final long seed;
    private final ForkJoinPool pool;
    private final int threads;

    /** The result: the trees (round-major, one per output per round), the baseline scores, the rounds kept. */
    record Result(TreeEnsemble ensemble, double[] baseline, int rounds) {
    }

    Booster(GbmParams params, Loss loss, long seed, ForkJoinPool pool, int threads) {
        this.params = params;
        this.loss = loss;
        this.seed = seed;
        this.pool = pool;
        this.threads = threads;
    }

    /** Boosts on the features {@code columns} and targets {@code y}. */
    Result train(FeatureColumns columns, double[] y) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] split = holdout(y.length, random);
        int[] trainRows = split[0];
        int[] validRows = split[1];
        int p = columns.count();
        boolean[] categorical = categoricalMask(columns.names());
        FeatureBins[] bins = new FeatureBins[p];
        byte[][] trainBins = new byte[p][];
        byte[][] validBins = new byte[p][];
        // one feature at a time per thread: each column is copied out of the frame into a buffer and binned; the
        // buffers are reused (a few, not one garbage array per feature: fewer young collections copying the bins)
        ConcurrentLinkedQueue<double[]> buffers = new ConcurrentLinkedQueue<>();
        ParallelLoop.run(pool, p, p, (part, from, to) -> {
            double[] buffer = buffers.poll();
            buffer = buffer != null ? buffer : new double[columns.rows()];
            for (int j = from; j < to; j++) {
                double[] column = columns.column(j, buffer);
                bins[j] = Binner.fitFeature(column, trainRows, params.maxBins(), categorical[j], columns.names().get(j));
                trainBins[j] = BinnedData.binColumn(column, trainRows, bins[j]);
                validBins[j] = BinnedData.binColumn(column, validRows, bins[j]);
            }
            buffers.add(buffer);
        });
        // bin columns only: the histogram builder packs its own row-major copy, partition and scoring read columns
        BinnedData train = BinnedData.ofBinColumns(trainBins, bins, pool, false);
        BinnedData valid = validRows.length > 0 ? BinnedData.ofBinColumns(validBins, bins, pool, false) : null;
        double[] yTrain = gather(y, trainRows);
        double[] yValid = gather(y, validRows);
        int k = loss.outputs();
        int n = trainRows.length;
        double[] baseline = loss.baseline(yTrain);
        double[] raw = start(baseline, n);
        double[] rawValid = start(baseline, validRows.length);
        double[] grad = new double[k * n];
        double[] hess = new double[k * n];
        boolean unitHessians = loss.unitHessians() && k == 1;
        double[] pairs = unitHessians ? grad : new double[2 * n];
        TreeGrower grower = new TreeGrower(train, params, unitHessians, pool, threads);
        List<GrownTree> trees = new ArrayList<>();
        int[] all = identity(n);
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestRound = -1;
        for (int round = 0; round < params.trees(); round++) {
            // one output with hessians: each block interleaves its pairs while its gradients are still in cache
            boolean fused = k == 1 && !unitHessians;
            ParallelLoop.run(pool, n, Math.max(1, n / ROW_BLOCK), (part, from, to) -> {
                loss.gradients(raw, yTrain, grad, hess, from, to);
                if (fused) {
                    HistogramBuilder.interleave(grad, hess, 0, from, to, pairs);
                }
            });
            int[] bag = params.subsample() < 1 ? bag(n, random) : all;
            for (int c = 0; c < k; c++) {
                int offset = c * n;
                if (!unitHessians && !fused) {
                    ParallelLoop.run(pool, n, Math.max(1, n / ROW_BLOCK), (part, from, to) ->
                            HistogramBuilder.interleave(grad, hess, offset, from, to, pairs));
                }
                GrownTree tree = grower.grow(pairs, bag, features(p, random));
                trees.add(tree);
                addToTraining(tree, grower, raw, c * n, bag.length < n ? train : null);
                if (valid != null) {
                    for (int i = 0; i < validRows.length; i++) {
                        rawValid[c * validRows.length + i] += tree.value(tree.leaf(valid, i));
                    }
                }
            }
            if (params.earlyStoppingRounds() > 0) {
                double validLoss = loss.loss(rawValid, yValid, 0, validRows.length);
                if (validLoss < bestLoss) {
                    bestLoss = validLoss;
                    bestRound = round;
                } else if (round - bestRound >= params.earlyStoppingRounds()) {
                    break;
                }
            }
        }
        int rounds = params.earlyStoppingRounds() > 0 ? bestRound + 1 : trees.size() / k;
        TreeEnsembleBuilder builder = new TreeEnsembleBuilder(1);
        for (int t = 0; t < rounds * k; t++) {
            trees.get(t).addTo(builder, train);
        }
        TreeEnsemble ensemble = builder.build();
        if (validRows.length == 0 && params.subsample() >= 1) {
            // every tree grew on all rows, so the partition's counts are the covers TreeSHAP needs
            double[] nodeCover = new double[ensemble.nodeCount()];
            double[] leafCover = new double[ensemble.leafCount()];
            int nodeBase = 0;
            int leafBase = 0;
            for (int t = 0; t < rounds * k; t++) {
                GrownTree tree = trees.get(t);
                tree.addCover(nodeCover, nodeBase, leafCover, leafBase);
                nodeBase += tree.nodeCount();
                leafBase += tree.leafCount();
            }
            ensemble = ensemble.withCover(nodeCover, leafCover);
        }
        return new Result(ensemble, baseline, rounds);
    }

    /**
     * Adds the new tree's values to the raw scores at {@code offset}: rows of the bag by their leaf
     * segments (in parallel over ranges of the grouped rows: leaves hold disjoint rows), the other rows (when
     * {@code binned} is given) by walking the tree on their bins.
     */
    private void addToTraining(GrownTree tree, TreeGrower grower, double[] raw, int offset, BinnedData binned) {
        int[] rows = grower.rows();
        int leaves = tree.leafCount();
        int positions = 0;
        for (int leaf = 0; leaf < leaves; leaf++) {
            positions = Math.max(positions, grower.leafEnd(leaf));
        }
        // in equal ranges of positions (leaves differ in size), each range adding the values of the leaves it overlaps
        ParallelLoop.run(pool, positions, Math.max(1, positions / ROW_BLOCK), (part, from, to) -> {
            for (int leaf = 0; leaf < leaves; leaf++) {
                double value = tree.value(leaf);
                int end = Math.min(to, grower.leafEnd(leaf));
                for (int i = Math.max(from, grower.leafStart(leaf)); i < end; i++) {
                    raw[offset + rows[i]] += value;
                }
            }
        });
        if (binned != null) {
            boolean[] inBag = new boolean[binned.rows()];
            for (int leaf = 0; leaf < tree.leafCount(); leaf++) {
                for (int i = grower.leafStart(leaf); i < grower.leafEnd(leaf); i++) {
                    inBag[rows[i]] = true;
                }
            }
            for (int row = 0; row < inBag.length; row++) {
                if (!inBag[row]) {
                    raw[offset + row] += tree.value(tree.leaf(binned, row));
                }
            }
        }
    }

    /** Training and validation rows, each ascending; no validation rows without early stopping. */
    private int[][] holdout(int n, SplittableRandom random) {
        if (params.earlyStoppingRounds() == 0) {
            return new int[][] {identity(n), new int[0]};
        }
        int validCount = (int) Math.round(n * params.validationFraction());
        Checks.checkArgument(validCount >= 1 && validCount < n,
                "validation_fraction: %s of %s rows leaves no validation or no training rows", params.validationFraction(), n);
        int[] order = identity(n);
        for (int i = 0; i < validCount; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] valid = Arrays.copyOf(order, validCount);
        int[] train = Arrays.copyOfRange(order, validCount, n);
        Arrays.sort(valid);
        Arrays.sort(train);
        return new int[][] {train, valid};
    }

    private int[] bag(int n, SplittableRandom random) {
        int[] bag = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < params.subsample()) {
                bag[m++] = i;
            }
        }
        return Arrays.copyOf(bag, Math.max(m, 1));
    }

    private boolean[] features(int p, SplittableRandom random) {
        boolean[] allowed = new boolean[p];
        if (params.colsample() >= 1) {
            Arrays.fill(allowed, true);
            return allowed;
        }
        int[] order = identity(p);
        int m = Math.max(1, (int) Math.round(p * params.colsample()));
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(p - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            allowed[order[i]] = true;
        }
        return allowed;
    }

    private boolean[] categoricalMask(List<String> names) {
        boolean[] mask = new boolean[names.size()];
        for (String name : params.categorical()) {
            int j = names.indexOf(name);
            Checks.checkArgument(j >= 0, "categorical: '%s' is not a feature (features: %s)", name, names);
            mask[j] = true;
        }
        return mask;
    }

    private static double[] start(double[] baseline, int n) {
        double[] raw = new double[baseline.length * n];
        for (int c = 0; c < baseline.length; c++) {
            Arrays.fill(raw, c * n, (c + 1) * n, baseline[c]);
        }
        return raw;
    }

    private static double[] gather(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
