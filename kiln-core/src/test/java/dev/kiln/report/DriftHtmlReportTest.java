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

/** The drift report renders in Debian's headless Chromium: every chart draws, no script error, names stay text. */
class DriftHtmlReportTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String DATA = """
            {"model":"m","version":2,"rows":300,"from":null,"to":null,"method":"auto","dataset_share":0.5,
             "drift":{"rows":300,"drift_share":0.5,"dataset_drift":true,"max_psi":0.8,
               "features":[{"feature":"x","psi":0.8,"status":"alert","method":"ks","statistic":0.4,"p_value":0.0001,"drifted":true},
                           {"feature":"</script><img src=x onerror=alert(1)>","psi":0.01,"status":"ok","method":"chi2","statistic":1.2,"p_value":0.5,"drifted":false}],
               "prediction":{"feature":"prediction","psi":0.3,"status":"alert","method":"chi2","statistic":9,"p_value":0.01,"drifted":true}},
             "bins":[{"feature":"x","kind":"numeric","labels":["< 1","[1, 2)",">= 2","(missing)"],"reference":[0.3,0.4,0.3,0],"current":[0.1,0.2,0.7,0]},
                     {"feature":"</script><img src=x onerror=alert(1)>","kind":"categorical","labels":["a","b","(other)","(missing)"],"reference":[0.5,0.5,0,0],"current":[0.45,0.55,0,0]}],
             "timeline":[{"from":"2026-01-01T00:00:00Z","to":"2026-01-02T00:00:00Z","rows":100,"drift_share":0,"psi":{"x":0.05}},
                         {"from":"2026-01-02T00:00:00Z","to":"2026-01-03T00:00:00Z","rows":100,"drift_share":0.5,"psi":{"x":0.9}}],
             "quality":{"labelled":50,"unknown_labels":0,"metrics":{"accuracy":0.7},"error_rate":0.3,"detector":"ddm","detector_state":"stable","concept_drift":false}}
            """;

    @TempDir
    Path dir;

    @Test
    void chartsRenderInHeadlessChromiumWithoutErrors() throws Exception {
        String html = DriftHtmlReport.render(DATA, "Kiln drift report: m<2>");
        assertThat(html).doesNotContain("<img src=x").contains("<title>Kiln drift report: m&lt;2&gt;</title>");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is absent");
        Path report = dir.resolve("drift.html");
        DriftHtmlReport.write(DATA, "Kiln drift report: m", report);
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--dump-dom", report.toUri().toString()));
        Path out = dir.resolve("dom.html");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(dom).contains("data-rendered=\"true\"").contains("data-errors=\"0\"");
        Matcher svg = Pattern.compile("<svg").matcher(dom);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertThat(charts).as("timeline + one chart per feature").isGreaterThanOrEqualTo(3);
        assertThat(dom).doesNotContain("<img src=x").contains("&lt;/script&gt;&lt;img src=x");
    }
}
