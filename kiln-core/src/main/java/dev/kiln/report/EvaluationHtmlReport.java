package dev.kiln.report;

import dev.kiln.eval.EvaluationJson;
import dev.kiln.eval.EvaluationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evaluation report: one self-contained HTML file that works offline, built like {@link HtmlReport} (the
 * evaluation as escaped JSON in a script element, ECharts and the page script inlined, content built with
 * {@code textContent}). Sections: overview with metrics and leaderboard, performance curves and the confusion
 * matrix or residuals, importance and partial dependence, diagnosis (calibration, learning curve), fairness.
 * Thread-safe.
 */
public final class EvaluationHtmlReport {
    private EvaluationHtmlReport() {
    }

    /** Writes the report of {@code report} to {@code file}. */
    public static void write(EvaluationReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The report as one HTML document. */
    public static String render(EvaluationReport report) {
        return HtmlReport.template("/dev/kiln/report/eval.html")
                .replace("/*KILN_TITLE*/", HtmlReport.escapeHtml("Kiln evaluation: " + report.title()))
                .replace("/*KILN_ECHARTS*/", HtmlReport.inlineScript(HtmlReport.resource(HtmlReport.ECHARTS)))
                .replace("/*KILN_SCRIPT*/", HtmlReport.inlineScript(HtmlReport.resource("/dev/kiln/report/eval.js")))
                .replace("/*KILN_DATA*/", HtmlReport.escapeJson(EvaluationJson.write(report))); // last: data cannot hold a marker
    }
}
