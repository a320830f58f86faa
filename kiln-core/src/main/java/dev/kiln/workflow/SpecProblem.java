package dev.kiln.workflow;

/** One problem found in a spec: where (spec path and 1-based line, 0 when unknown) and what is wrong. */
public record SpecProblem(String path, int line, String message) {
    /** {@code file:line: path: message}, the form {@code kiln validate} prints. */
    public String format(String file) {
        String where = line > 0 ? file + ":" + line : file;
        return path.isEmpty() ? where + ": " + message : where + ": " + path + ": " + message;
    }
}
