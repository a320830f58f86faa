/**
 * Generalised linear models: {@link dev.kiln.learn.glm.LinearLearner} (least squares and ridge, by
 * Cholesky on the normal equations) and {@link dev.kiln.learn.glm.LogisticLearner} (binary and
 * multinomial logistic regression with an L2 penalty, by L-BFGS). Both standardise features while
 * fitting and keep their coefficients on the original scale, so the models predict from raw features.
 */
package dev.kiln.learn.glm;
