/**
 * Reports for people: {@link dev.kiln.report.HtmlReport} renders an exploration, and
 * {@link dev.kiln.report.EvaluationHtmlReport} an evaluation, each as one self-contained, offline HTML file with
 * inlined charts.
 */
package dev.kiln.report;
