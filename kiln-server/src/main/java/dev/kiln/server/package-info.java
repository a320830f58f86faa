/** The prediction HTTP server: JSON records in, predictions out, with field-level 4xx errors. */
package dev.kiln.server;
