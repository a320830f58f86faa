package dev.kiln.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The drift report: one self-contained HTML file that works offline, made the way {@link HtmlReport} makes the data
 * report — the monitoring results travel as escaped JSON in a {@code <script type="application/json">} element,
 * ECharts and the page script are inlined, and the page builds its content with {@code textContent}. It shows the
 * window's summary, a table of every feature's verdict, per feature the reference and window distributions over the
 * reference's bins and its PSI over the window's periods, and the prediction drift. Thread-safe.
 *
 * <p>The JSON is {@code kiln monitor report --json}'s: {@code model}, {@code version}, {@code from}, {@code to},
 * {@code drift} (summary and features), {@code bins} (per feature: {@code feature}, {@code labels},
 * {@code reference}, {@code current}), {@code timeline} (per period: {@code from}, {@code to}, {@code rows},
 * {@code drift_share}, {@code psi} by feature) and {@code quality}.
 */
public final class DriftHtmlReport {
    private DriftHtmlReport() {
    }

    /** Writes the report of {@code json} titled {@code title} to {@code file}. */
    public static void write(String json, String title, Path file) throws IOException {
        Files.writeString(file, render(json, title), StandardCharsets.UTF_8);
    }

    public static String render(String json, String title) {
        return HtmlReport.page("/dev/kiln/report/drift.html", "/dev/kiln/report/drift.js", json, title);
    }
}
