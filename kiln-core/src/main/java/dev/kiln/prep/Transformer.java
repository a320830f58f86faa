package dev.kiln.prep;

import dev.kiln.data.Frame;

/** An unfitted preparation step: settings only. {@code fit} leaves it and the frame unchanged. */
public interface Transformer {
    FittedTransformer fit(Frame train);
}
