/**
 * The catalog of learners by spec name and of model readers by bundle type: explicit lists (no
 * reflection on names read from files), kept apart from the contracts so that {@code learn} does not
 * depend on its algorithm packages.
 */
package dev.kiln.learn.catalog;
