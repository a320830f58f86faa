/**
 * Data exploration: {@link dev.kiln.explore.Profiler} summarises every column of a frame, and the balance or
 * spread of a target, into immutable records that serialise to JSON as they are (for example with Jackson).
 */
package dev.kiln.explore;
