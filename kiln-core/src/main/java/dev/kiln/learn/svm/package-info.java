/**
 * Support vector machines: {@link dev.kiln.learn.svm.SvmLearner} (kernel C-SVC and ε-SVR by libsvm's
 * SMO with second-order working-set selection, shrinking and a kernel row cache; one-vs-one for
 * several classes) and {@link dev.kiln.learn.svm.LinearSvmLearner} (linear SVM and SVR by LIBLINEAR's
 * dual coordinate descent; one-vs-rest for several classes). Both standardise features inside and give
 * class probabilities by Platt scaling ({@link dev.kiln.learn.svm.PlattScaling}).
 */
package dev.kiln.learn.svm;
