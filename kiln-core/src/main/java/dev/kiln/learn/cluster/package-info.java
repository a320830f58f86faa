/**
 * Clustering learners for the task {@code clustering}, which has no target: k-means ({@code kmeans}:
 * k-means++ start, Hamerly's accelerated iterations, k fixed or chosen by silhouette) and DBSCAN
 * ({@code dbscan}: density-based clusters over a k-d tree). Models predict the cluster index of a row,
 * {@code -1} for noise.
 */
package dev.kiln.learn.cluster;
