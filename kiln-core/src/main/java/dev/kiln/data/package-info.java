/** The column-oriented data frame, its schema, and the readers that build frames from files. */
package dev.kiln.data;
