package dev.kiln.learn.glm;

/**
 * Coordinate gradients computed from the residual ("naive updates" of glmnet): the residual starts at
 * the centred target and, when coefficient {@code j} moves by {@code δ}, loses {@code δ z_j}; a
 * gradient is one pass over the rows. {@code O(n)} per move and per gradient, no Gram matrix: for
 * many features. Mutable.
 */
final class ResidualUpdates implements CoordinateUpdates {
    private final double[][] columns;
    private final double[] residual;
    private final double[] curvatures;

    /** {@code columns}: standardised features (not copied, not modified); {@code target}: the centred target (copied). */
    ResidualUpdates(double[][] columns, double[] target) {
        this.columns = columns;
        this.residual = target.clone();
        this.curvatures = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            curvatures[j] = Vectors.dot(columns[j], columns[j]) / residual.length;
        }
    }

    @Override
    public int size() {
        return columns.length;
    }

    @Override
    public double curvature(int j) {
        return curvatures[j];
    }

    @Override
    public double gradient(int j) {
        return Vectors.dot(columns[j], residual) / residual.length;
    }

    @Override
    public void move(int j, double delta) {
        double[] column = columns[j];
        for (int i = 0; i < residual.length; i++) {
            residual[i] -= delta * column[i];
        }
    }
}
