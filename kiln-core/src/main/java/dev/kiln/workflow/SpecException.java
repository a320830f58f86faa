package dev.kiln.workflow;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be run, with every problem found in it. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final transient List<SpecProblem> problems;

    public SpecException(String file, List<SpecProblem> problems) {
        super(problems.stream().map(p -> p.format(file)).collect(Collectors.joining("\n")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
