/**
 * Monitoring of served models: the asynchronous prediction log, windows of logged predictions turned back into
 * frames, windowed drift and live quality, concept-drift detection on the error stream, alert rules with
 * de-duplication and webhooks, and the periodic evaluation that ties them together. Imports core and store,
 * never the HTTP layer.
 */
package dev.kiln.server.monitor;
