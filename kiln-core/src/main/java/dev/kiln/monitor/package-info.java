/**
 * Drift statistics: the training reference a bundle carries, and the comparison of new data with it
 * (population stability index per feature).
 */
package dev.kiln.monitor;
