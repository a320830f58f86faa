package dev.kiln.report;

import dev.kiln.explore.Exploration;
import dev.kiln.explore.ExplorationJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The data report: one self-contained HTML file that works offline. The exploration travels as JSON in a
 * {@code <script type="application/json">} element (with {@code <}, {@code >}, {@code &} and the line
 * separators escaped, so no value can close the element or inject markup); ECharts (from its WebJar) and
 * the page script are inlined; the page builds its content with {@code textContent}, never from HTML
 * strings. Layout: overview and warnings, then one card per column, then relationships. Thread-safe.
 */
public final class HtmlReport {
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final Pattern CLOSE_SCRIPT = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

    private HtmlReport() {
    }

    /** Writes the report of {@code exploration} titled after {@code source} (a file name) to {@code file}. */
    public static void write(Exploration exploration, String source, Path file) throws IOException {
        Files.writeString(file, render(exploration, source), StandardCharsets.UTF_8);
    }

    /** The report as one HTML document. */
    public static String render(Exploration exploration, String source) {
        String template = template("/dev/kiln/report/report.html");
        String data = escapeJson(ExplorationJson.write(exploration));
        return template
                .replace("/*KILN_TITLE*/", escapeHtml("Kiln data report: " + source))
                .replace("/*KILN_SOURCE*/", escapeJson(quote(source)))
                .replace("/*KILN_DATA*/", data)
                .replace("/*KILN_ECHARTS*/", inlineScript(resource(ECHARTS)))
                .replace("/*KILN_SCRIPT*/", inlineScript(resource("/dev/kiln/report/report.js")));
    }

    /** A page from {@code template} with the title, the escaped data and source, ECharts and {@code script} inlined. */
    static String page(String template, String script, String json, String title) {
        return template(template)
                .replace("/*KILN_TITLE*/", escapeHtml(title))
                .replace("/*KILN_SOURCE*/", escapeJson(quote(title)))
                .replace("/*KILN_DATA*/", escapeJson(json))
                .replace("/*KILN_ECHARTS*/", inlineScript(resource(ECHARTS)))
                .replace("/*KILN_SCRIPT*/", inlineScript(resource(script)));
    }

    /** The page template {@code name} with the style every report shares ({@code base.css}) in place. */
    static String template(String name) {
        return resource(name).replace("/*KILN_BASE_CSS*/", resource("/dev/kiln/report/base.css"));
    }

    /** JSON made safe inside a script element: no {@code </}, no markup characters, no JS line separators. */
    static String escapeJson(String json) {
        return json.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    static String inlineScript(String script) {
        return CLOSE_SCRIPT.matcher(script).replaceAll("<\\\\/$1");
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
