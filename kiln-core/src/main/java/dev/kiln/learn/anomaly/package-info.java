/**
 * Anomaly detection learners: the isolation forest ({@code isolation_forest}), for the task
 * {@code anomaly}, which has no target. The forest itself lives in {@code dev.kiln.prep} so that the
 * preparation's outlier step can use it too.
 */
package dev.kiln.learn.anomaly;
