/**
 * Naive Bayes classifiers: {@link dev.kiln.learn.bayes.NaiveBayesLearner} with Gaussian, multinomial
 * or categorical feature likelihoods, as scikit-learn's {@code GaussianNB}, {@code MultinomialNB} and
 * {@code CategoricalNB}, computed in log space.
 */
package dev.kiln.learn.bayes;
