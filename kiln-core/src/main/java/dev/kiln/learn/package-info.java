/**
 * The learning contract: {@link dev.kiln.learn.Learner} fits a {@link dev.kiln.learn.Model} on a frame;
 * {@link dev.kiln.learn.Pipeline} joins fitted preparation steps and a model into what is deployed.
 * One sub-package per algorithm family.
 */
package dev.kiln.learn;
