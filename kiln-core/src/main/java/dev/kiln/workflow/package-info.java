/**
 * The declarative workflow: the {@code pipeline.yaml} spec, its loader and validator, and the runner
 * that takes a spec through collect, explore, split, prepare, train, evaluate and select.
 */
package dev.kiln.workflow;
