package dev.kiln.learn.glm;

/**
 * Coordinate gradients kept current through the Gram matrix ("covariance updates" of glmnet): the
 * gradient vector starts at {@code (1/n) Zᵀ y} and, when coefficient {@code k} moves by {@code δ},
 * every gradient {@code j} drops by {@code G_jk δ}, where {@code G = (1/n) ZᵀZ}. The Gram column of
 * a feature is computed the first time it moves ({@code O(n × p)}), so a sparse path touches few
 * columns; afterwards a move costs {@code O(p)} whatever the row count. Mutable.
 */
final class CovarianceUpdates implements CoordinateUpdates {
    private final double[][] columns;
    private final int rows;
    private final double[] gradients;
    private final double[] curvatures;
    private final double[][] gram;

    /** {@code columns}: standardised features (not copied, not modified); {@code target}: the centred target. */
    CovarianceUpdates(double[][] columns, double[] target) {
        this.columns = columns;
        this.rows = target.length;
        int p = columns.length;
        this.gradients = new double[p];
        this.curvatures = new double[p];
        this.gram = new double[p][];
        for (int j = 0; j < p; j++) {
            gradients[j] = Vectors.dot(columns[j], target) / rows;
            curvatures[j] = Vectors.dot(columns[j], columns[j]) / rows;
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
        return gradients[j];
    }

    @Override
    public void move(int k, double delta) {
        double[] column = gramColumn(k);
        for (int j = 0; j < gradients.length; j++) {
            gradients[j] -= column[j] * delta;
        }
    }

    private double[] gramColumn(int k) {
        double[] column = gram[k];
        if (column == null) {
            column = new double[columns.length];
            for (int j = 0; j < column.length; j++) {
                column[j] = j == k ? curvatures[k] : Vectors.dot(columns[j], columns[k]) / rows;
            }
            gram[k] = column;
        }
        return column;
    }
}
