package dev.kiln.workflow;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be run, with every problem found in it. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final transient List<SpecProblem> problems;

    /** A spec exception with {@code problems}, kept in line order. */
    public SpecException(String file, List<SpecProblem> problems) {
        super(inLineOrder(problems).stream().map(p -> p.format(file)).collect(Collectors.joining("\n")));
        this.file = file;
        this.problems = inLineOrder(problems);
    }

    private static List<SpecProblem> inLineOrder(List<SpecProblem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(SpecProblem::line)).toList();
    }

    public String file() {
        return file;
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
