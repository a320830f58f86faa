/**
 * Maintenance of served models: retraining a model's spec on fresh data (its source read again or a newer snapshot,
 * plus labelled production rows from feedback), champion/challenger comparison on the newest labelled rows,
 * promotion or rejection, rollback of a promoted model whose live metric falls behind the champion it replaced, and
 * the policy that triggers all this on drift, schedule, new data or falling quality. Every decision goes to the
 * audit log with its evidence.
 */
package dev.kiln.server.maintain;
