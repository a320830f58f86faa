/**
 * Generalised linear models: {@link dev.kiln.learn.glm.LinearLearner} (least squares and ridge by
 * Cholesky on the normal equations; lasso and elastic net by coordinate descent along a
 * regularisation path, {@link dev.kiln.learn.glm.ElasticNet}, with a given or cross-validated
 * penalty) and {@link dev.kiln.learn.glm.LogisticLearner} (binary and multinomial logistic
 * regression with L2 penalties by L-BFGS, L1 and elastic-net ones by OWL-QN). All standardise
 * features while fitting and keep their coefficients on the original scale, so the models predict
 * from raw features.
 */
package dev.kiln.learn.glm;
