/**
 * Hyper-parameter tuning and model selection: cross-validation over prepared folds
 * ({@link dev.kiln.tune.CrossValidation}), searches over a learner's {@link dev.kiln.learn.SearchSpace}
 * (grid, random, TPE, successive halving and Hyperband) run by {@link dev.kiln.tune.Search} with a wall-clock
 * budget and fold-level pruning, and the search across learner families with a leaderboard and an ensemble
 * ({@link dev.kiln.tune.AutoSearch}). Every choice is fixed by a seed; parallel trials never change a result.
 * The preparation is fitted inside each fold by the caller, which hands over {@link dev.kiln.tune.FoldData}.
 */
package dev.kiln.tune;
