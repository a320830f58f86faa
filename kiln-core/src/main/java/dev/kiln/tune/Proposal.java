package dev.kiln.tune;

import java.util.Map;

/** A trial to run: its number, the learner, its hyper-parameters as spec strings and the share of rows it fits on. */
record Proposal(int index, String learner, Map<String, String> params, double rowFraction) {
    Proposal {
        params = Map.copyOf(params);
    }
}
