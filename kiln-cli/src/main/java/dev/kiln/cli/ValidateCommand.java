package dev.kiln.cli;

import dev.kiln.workflow.Spec;
import dev.kiln.workflow.SpecException;
import dev.kiln.workflow.SpecLoader;
import dev.kiln.workflow.SpecProblem;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kiln validate SPEC}: every problem of a spec, each with its path and line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a workflow spec and report every problem with its path and line.")
final class ValidateCommand extends KilnCommand {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The workflow spec.")
    Path specFile;

    @Override
    int execute() throws Exception {
        try {
            Spec spec = SpecLoader.load(specFile);
            if (common.json) {
                out().println(RunCommand.JSON.createObjectNode().put("spec", specFile.toString()).put("valid", true).toPrettyString());
            } else {
                out().printf("%s: valid (%s of '%s', %d learner(s), metric %s)%n", specFile, spec.problem().task(),
                        spec.problem().target(), spec.train().learners().size(), spec.problem().metric());
            }
            return 0;
        } catch (SpecException e) {
            if (common.json) {
                var node = RunCommand.JSON.createObjectNode().put("spec", specFile.toString()).put("valid", false);
                var problems = node.putArray("problems");
                for (SpecProblem p : e.problems()) {
                    problems.addObject().put("path", p.path()).put("line", p.line()).put("message", p.message());
                }
                out().println(node.toPrettyString());
            } else {
                e.problems().forEach(p -> err().println(p.format(specFile.toString())));
                err().printf("%s: %d problem(s)%n", specFile, e.problems().size());
            }
            return Kiln.INPUT_ERROR;
        }
    }
}
