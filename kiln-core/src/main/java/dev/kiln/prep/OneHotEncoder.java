package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns categorical columns into one numeric 0/1 column per training level, named
 * {@code column=level}, and boolean columns into one 0/1 column under their own name. Levels seen
 * only after fitting, and missing values, encode as all zeros. Numeric columns pass through.
 */
public final class OneHotEncoder implements Transformer {

    @Override
    public FittedOneHotEncoder fit(Frame train) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (column instanceof CategoricalColumn c) {
                levels.put(c.name(), c.kind() == ColumnKind.BOOLEAN ? List.of() : seenLevels(c));
            }
        }
        return new FittedOneHotEncoder(levels);
    }

    /** The levels that occur in the column, in level order (a dictionary may hold unused levels). */
    private static List<String> seenLevels(CategoricalColumn c) {
        int[] counts = c.levelCounts();
        List<String> seen = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                seen.add(c.levels().get(k));
            }
        }
        return seen;
    }
}
