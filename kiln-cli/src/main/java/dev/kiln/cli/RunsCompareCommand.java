package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.store.KilnStore;
import dev.kiln.store.Run;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln runs compare A B}: two runs' parameters and metrics side by side, differences marked. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two runs: parameters and metrics side by side; differing rows are marked with *.")
final class RunsCompareCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "A", description = "The first run id.")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "The second run id.")
    String second;

    @Override
    int execute() {
        Run a;
        Run b;
        try (KilnStore opened = store.open()) {
            a = RunsShowCommand.find(opened, first);
            b = RunsShowCommand.find(opened, second);
        }
        if (common.json) {
            ObjectNode node = RunCommand.JSON.createObjectNode();
            node.set("a", RunJson.summary(a));
            node.set("b", RunJson.summary(b));
            node.set("params", sideBySide(a.params(), b.params(), false));
            node.set("metrics", sideBySide(a.metrics(), b.metrics(), true));
            out().println(node.toPrettyString());
            return 0;
        }
        out().printf("%-42s %-20s %-20s %s%n", "", a.id().substring(0, Math.min(20, a.id().length())),
                b.id().substring(0, Math.min(20, b.id().length())), "");
        print("params", a.params(), b.params());
        print("metrics", a.metrics(), b.metrics());
        return 0;
    }

    private void print(String title, Map<String, ?> a, Map<String, ?> b) {
        out().println(title + ":");
        for (String key : new TreeSet<>(union(a, b))) {
            Object x = a.get(key);
            Object y = b.get(key);
            String delta = x instanceof Double dx && y instanceof Double dy && !Objects.equals(dx, dy)
                    ? String.format(Locale.ROOT, "%+.4f", dy - dx) : "";
            out().printf(Locale.ROOT, "%s %-40s %-20s %-20s %s%n", Objects.equals(x, y) ? " " : "*", key, text(x), text(y),
                    delta);
        }
    }

    private static ObjectNode sideBySide(Map<String, ?> a, Map<String, ?> b, boolean numeric) {
        ObjectNode node = RunCommand.JSON.createObjectNode();
        for (String key : new TreeSet<>(union(a, b))) {
            ObjectNode row = node.putObject(key);
            row.set("a", RunCommand.JSON.valueToTree(a.get(key)));
            row.set("b", RunCommand.JSON.valueToTree(b.get(key)));
            row.put("differs", !Objects.equals(a.get(key), b.get(key)));
            if (numeric && a.get(key) instanceof Double x && b.get(key) instanceof Double y) {
                row.put("difference", y - x);
            }
        }
        return node;
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        var keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String text(Object value) {
        if (value == null) {
            return "-";
        }
        String s = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value.toString();
        return s.length() <= 20 ? s : s.substring(0, 19) + "~";
    }
}
