package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.explore.Exploration;
import dev.kiln.explore.ExplorationJson;
import dev.kiln.explore.Explorer;
import dev.kiln.explore.Warning;
import dev.kiln.report.HtmlReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln explore DATA [--target T] [--sensitive COL] --report profile.html --json profile.json}: the data report.
 * Here {@code --json FILE} names the JSON file to write, so this command does not take the common options;
 * {@code --json} without a file prints a JSON summary as other commands do.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Profile a data file: column statistics, relationships, target associations and warnings.")
final class ExploreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "The data file (CSV, optionally .gz).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The column to predict: adds associations, imbalance and leakage checks.")
    String target;

    @Option(names = "--sensitive", paramLabel = "COLUMN", description = "A column whose groups should see the target at similar rates.")
    String sensitive;

    @Option(names = "--report", paramLabel = "HTML", description = "Write the self-contained HTML report here.")
    Path report;

    @Option(names = "--json", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "Write the exploration as JSON to FILE; without FILE, print a JSON summary instead of text.")
    String json;

    @Option(names = "--missing", paramLabel = "TOKEN",
            description = "A token that means a missing value, besides empty, NA, N/A, NaN and null (repeatable).")
    List<String> missing = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean printJson = "-".equals(json);
        Path jsonFile = json == null || printJson ? null : Path.of(json);
        Frame frame = CsvReader.read(data, CsvOptions.defaults().withMissing(missing));
        long start = System.nanoTime();
        Exploration exploration = Explorer.explore(frame, target, sensitive);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (jsonFile != null) {
            ExplorationJson.write(exploration, jsonFile);
        }
        if (report != null) {
            HtmlReport.write(exploration, data.getFileName().toString(), report);
        }
        if (printJson) {
            ObjectNode node = RunCommand.JSON.createObjectNode().put("data", data.toString()).put("rows", frame.rowCount())
                    .put("columns", frame.columnCount()).put("seconds", seconds)
                    .put("report", report == null ? null : report.toString()).put("json", jsonFile == null ? null : jsonFile.toString());
            ArrayNode warnings = node.putArray("warnings");
            exploration.warnings().forEach(w -> warnings.addObject().put("code", w.code()).put("column", w.column()).put("message", w.message()));
            out.println(node.toPrettyString());
            return 0;
        }
        out.printf("%s: %d rows x %d columns explored in %.2fs%n", data.getFileName(), frame.rowCount(), frame.columnCount(), seconds);
        for (Warning w : exploration.warnings()) {
            out.printf("  %-20s %s%n", w.code(), w.message());
        }
        if (exploration.warnings().isEmpty()) {
            out.println("  no warnings");
        }
        if (report != null) {
            out.println("report: " + report);
        }
        if (jsonFile != null) {
            out.println("json:   " + jsonFile);
        }
        return 0;
    }
}
