package dev.kiln.workflow;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.learn.Targets;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning problem read off the data: the task (binary, multiclass or regression), the classes,
 * the raw feature columns and the target as learners want it. Rows with a missing target are left out.
 */
record Problem(Task task, List<String> classes, Frame features, Column target, List<String> notes) {

    static Problem of(Frame raw, Spec spec) {
        String name = spec.problem().target();
        Column rawTarget = raw.column(name);
        List<String> notes = new ArrayList<>();
        int[] present = Targets.presentRows(rawTarget);
        Frame rows = raw;
        if (present.length < raw.rowCount()) {
            notes.add((raw.rowCount() - present.length) + " rows with a missing target '" + name + "' were left out");
            rows = raw.take(present);
        }
        Column target = rows.column(name);
        Frame features = rows.drop(List.of(name));
        if (!spec.problem().isClassification()) {
            return new Problem(Task.REGRESSION, List.of(), features, Targets.regression(target), notes);
        }
        List<String> classes = Targets.classes(target);
        if (classes.size() < 2) {
            throw new InvalidDataException("target '" + name + "' has " + classes.size() + " class(es) " + classes
                    + ", expected at least 2 for classification");
        }
        Task task = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        return new Problem(task, classes, features, Targets.classification(target, classes), notes);
    }
}
