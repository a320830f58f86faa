/**
 * Neural networks: the multilayer perceptron ({@code mlp}) for classification (sigmoid or softmax
 * output, log-loss) and regression (linear output, squared error), trained by mini-batch Adam or SGD
 * with momentum, with L2, dropout and early stopping, on multithreaded, deterministic kernels.
 */
package dev.kiln.learn.neural;
