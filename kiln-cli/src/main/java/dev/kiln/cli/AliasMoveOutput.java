package dev.kiln.cli;

/** What {@code kiln models promote} and {@code rollback} print: the alias, where it was and where it is now. */
final class AliasMoveOutput {
    private AliasMoveOutput() {
    }

    static void print(KilnCommand command, String name, String alias, Integer from, Integer to) {
        if (command.common.json) {
            var node = RunCommand.JSON.createObjectNode().put("model", name).put("alias", alias);
            if (from == null) {
                node.putNull("from");
            } else {
                node.put("from", from);
            }
            if (to == null) {
                node.putNull("to");
            } else {
                node.put("to", to);
            }
            command.out().println(node.toPrettyString());
            return;
        }
        command.out().printf("%s@%s: %s -> %s%n", name, alias, from == null ? "(none)" : name + ":" + from,
                to == null ? "(none)" : name + ":" + to);
    }
}
