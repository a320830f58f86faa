package dev.kiln.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.explore.Explorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report renders in Debian's headless Chromium: every chart draws (ECharts' SVG renderer leaves one
 * {@code <svg>} per chart), no script error is raised, and hostile column names stay text.
 */
class HtmlReportTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void dataCannotCloseTheScriptElement() {
        String escaped = HtmlReport.escapeJson("{\"name\":\"</script><b>&\u2028\"}");
        assertThat(escaped).doesNotContain("<", ">", "&", "\u2028").contains("\\u003c/script\\u003e");
        Frame frame = Frame.of(NumericColumn.of("</script><img src=x onerror=alert(1)>", new double[] {1, 2}));
        String html = HtmlReport.render(Explorer.explore(frame, null, null), "a<b>.csv");
        assertThat(html).doesNotContain("<img src=x").contains("<title>Kiln data report: a&lt;b&gt;.csv</title>");
    }

    @Test
    void chartsRenderInHeadlessChromiumWithoutErrors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent; install Debian's package: apt-get update && apt-get install -y chromium");
        Frame titanic = CsvReader.read(Path.of("src/test/resources/datasets/titanic.csv"), CsvOptions.defaults());
        titanic = titanic.with(CategoricalColumn.ofLabels("</script><img src=x onerror=alert(1)>", labels(titanic.rowCount())));
        Path report = dir.resolve("titanic.html");
        HtmlReport.write(Explorer.explore(titanic, "Survived", "Sex"), "titanic.csv", report);

        Result dom = chromium(report, "--dump-dom");
        assertThat(dom.stdout).contains("data-rendered=\"true\"").contains("data-errors=\"0\"");
        int charts = count(dom.stdout, "<svg");
        int expected = titanic.columnCount() + 1 + 2 + 1; // most column cards + target bars + 2 correlation heatmaps + Cramér's V
        assertThat(charts).as("svg charts").isGreaterThanOrEqualTo(expected - 6);
        assertThat(dom.stdout).doesNotContain("<img src=x").contains("&lt;/script&gt;&lt;img src=x");
        assertThat(dom.stderr).doesNotContainIgnoringCase("uncaught");

        Path png = Path.of("target/report-screenshot.png");
        chromium(report, "--screenshot=" + png.toAbsolutePath(), "--window-size=1300,5200");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(50_000);
    }

    @Test
    void evaluationReportsRenderInHeadlessChromiumWithoutErrors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is absent; install Debian's package: apt-get update && apt-get install -y chromium");
        Path binary = dir.resolve("eval.html");
        EvaluationHtmlReport.write(EvaluationFixtures.titanic(), binary);
        Result dom = chromium(binary, "--dump-dom");
        assertThat(dom.stdout).contains("data-rendered=\"true\"").contains("data-errors=\"0\"");
        // ROC, PR, confusion, calibration, permutation, SHAP, 3 partial dependences, learning curve
        assertThat(count(dom.stdout, "<svg")).as("svg charts").isEqualTo(10);
        assertThat(dom.stdout).contains("Leaderboard", "overfitting", "demographic-parity difference", "female")
                .doesNotContain("<img src=x").contains("&lt;img src=x");
        assertThat(dom.stderr).doesNotContainIgnoringCase("uncaught");
        Path png = Path.of("target/eval-screenshot.png");
        chromium(binary, "--screenshot=" + png.toAbsolutePath(), "--window-size=1400,3000");
        assertThat(Files.size(png)).isGreaterThan(50_000);

        Path regression = dir.resolve("eval-regression.html");
        EvaluationHtmlReport.write(EvaluationFixtures.autoMpg(), regression);
        Result reg = chromium(regression, "--dump-dom");
        assertThat(reg.stdout).contains("data-rendered=\"true\"").contains("data-errors=\"0\"");
        // residual scatter, residual histogram, permutation importance, 3 partial dependences
        assertThat(count(reg.stdout, "<svg")).as("svg charts").isEqualTo(6);
        assertThat(reg.stderr).doesNotContainIgnoringCase("uncaught");
    }

    private static String[] labels(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 3 == 0 ? "<b>bold</b>" : "plain & simple";
        }
        return out;
    }

    private record Result(String stdout, String stderr) {
    }

    private Result chromium(Path page, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
