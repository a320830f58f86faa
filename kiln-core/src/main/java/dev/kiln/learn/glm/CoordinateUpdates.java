package dev.kiln.learn.glm;

/**
 * What {@link CoordinateDescent} needs from the data, on standardised features {@code z_j} and the
 * residual {@code r = y - Zβ} of a centred target: the gradient {@code (1/n) z_jᵀ r} of each
 * coordinate, its curvature {@code (1/n) z_jᵀ z_j}, and the bookkeeping after a coordinate moves.
 * Two ways (Friedman, Hastie and Tibshirani, 2010, section 2.2): {@link CovarianceUpdates} keeps every
 * gradient current through Gram-matrix columns, {@code O(p)} per move, best when rows far outnumber
 * features; {@link ResidualUpdates} keeps the residual, {@code O(n)} per move and per gradient.
 * Mutable: one solve at a time.
 */
sealed interface CoordinateUpdates permits CovarianceUpdates, ResidualUpdates {

    /** The number of coordinates (features). */
    int size();

    /** {@code (1/n) z_jᵀ z_j}: 0 for a constant feature, which then never moves. */
    double curvature(int j);

    /** {@code (1/n) z_jᵀ r} at the current coefficients. */
    double gradient(int j);

    /** Records that coefficient {@code j} moved by {@code delta}. */
    void move(int j, double delta);
}
