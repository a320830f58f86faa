/**
 * Monitoring of served models: the asynchronous prediction log (a ring of raw rows and a queue of frames, written as
 * columnar batches), windows of logged predictions shaped into frames, windowed drift and live quality, concept-drift detection on the error stream, alert rules with
 * de-duplication and webhooks, and the periodic evaluation that ties them together. Imports core and store,
 * never the HTTP layer.
 */
package dev.kiln.server.monitor;
