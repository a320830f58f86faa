/**
 * Reports for people: {@link dev.kiln.report.HtmlReport} renders an exploration as one self-contained,
 * offline HTML file with inlined charts.
 */
package dev.kiln.report;
