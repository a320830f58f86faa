package dev.kiln.learn.neural;

/**
 * The two small dense products of back-propagation on row-major blocks. The full 4 × 4 tiles of the
 * result are register-blocked (sixteen running sums in locals, eight loads per sixteen multiply-adds);
 * the edges are plain dot products. Every element is summed over the inner index in increasing order,
 * so the bits depend only on the shapes, never on threads. Stateless.
 */
final class Gemm {
    private Gemm() {
    }

    /**
     * {@code C += A · B}: {@code A} is {@code m × inner}, {@code B} is {@code inner × outer} at {@code bo},
     * {@code C} is {@code m × outer}, all row-major.
     */
    static void multiplyAdd(double[] a, int m, int inner, double[] b, int bo, int outer, double[] c) {
        int rows = m & ~3;
        int columns = outer & ~3;
        for (int r = 0; r < rows; r += 4) {
            for (int j = 0; j < columns; j += 4) {
                tile(a, r, inner, b, bo, outer, j, c);
            }
            for (int j = columns; j < outer; j++) {
                for (int i = r; i < r + 4; i++) {
                    c[i * outer + j] += dot(a, i * inner, b, bo + j, outer, inner);
                }
            }
        }
        for (int i = rows; i < m; i++) {
            for (int j = 0; j < outer; j++) {
                c[i * outer + j] += dot(a, i * inner, b, bo + j, outer, inner);
            }
        }
    }

    /** {@code Σ_k x[xo + k] · y[yo + k·stride]} for {@code k < n}. */
    private static double dot(double[] x, int xo, double[] y, int yo, int stride, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += x[xo + k] * y[yo + k * stride];
        }
        return sum;
    }

    private static void tile(double[] a, int r, int inner, double[] b, int bo, int outer, int j, double[] c) {
        int a0 = r * inner;
        int a1 = a0 + inner;
        int a2 = a1 + inner;
        int a3 = a2 + inner;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int k = 0; k < inner; k++) {
            int row = bo + k * outer + j;
            double w0 = b[row];
            double w1 = b[row + 1];
            double w2 = b[row + 2];
            double w3 = b[row + 3];
            double x0 = a[a0 + k];
            double x1 = a[a1 + k];
            double x2 = a[a2 + k];
            double x3 = a[a3 + k];
            s00 += x0 * w0; s01 += x0 * w1; s02 += x0 * w2; s03 += x0 * w3;
            s10 += x1 * w0; s11 += x1 * w1; s12 += x1 * w2; s13 += x1 * w3;
            s20 += x2 * w0; s21 += x2 * w1; s22 += x2 * w2; s23 += x2 * w3;
            s30 += x3 * w0; s31 += x3 * w1; s32 += x3 * w2; s33 += x3 * w3;
        }
        int c0 = r * outer + j;
        int c1 = c0 + outer;
        int c2 = c1 + outer;
        int c3 = c2 + outer;
        c[c0] += s00; c[c0 + 1] += s01; c[c0 + 2] += s02; c[c0 + 3] += s03;
        c[c1] += s10; c[c1 + 1] += s11; c[c1 + 2] += s12; c[c1 + 3] += s13;
        c[c2] += s20; c[c2 + 1] += s21; c[c2 + 2] += s22; c[c2 + 3] += s23;
        c[c3] += s30; c[c3 + 1] += s31; c[c3 + 2] += s32; c[c3 + 3] += s33;
    }

    /**
     * {@code G += Aᵀ · D}: {@code A} is {@code m × inner}, {@code D} is {@code m × outer}, {@code G} is
     * {@code inner × outer} at {@code go}, all row-major.
     */
    static void transposeMultiplyAdd(double[] a, int m, int inner, double[] d, int outer, double[] g, int go) {
        int ks = inner & ~3;
        int columns = outer & ~3;
        for (int k = 0; k < ks; k += 4) {
            for (int j = 0; j < columns; j += 4) {
                transposedTile(a, m, inner, k, d, outer, j, g, go);
            }
            for (int j = columns; j < outer; j++) {
                for (int i = k; i < k + 4; i++) {
                    g[go + i * outer + j] += dot(a, i, d, j, inner, outer, m);
                }
            }
        }
        for (int i = ks; i < inner; i++) {
            for (int j = 0; j < outer; j++) {
                g[go + i * outer + j] += dot(a, i, d, j, inner, outer, m);
            }
        }
    }

    /** {@code Σ_r x[xo + r·xStride] · y[yo + r·yStride]} for {@code r < n}. */
    private static double dot(double[] x, int xo, double[] y, int yo, int xStride, int yStride, int n) {
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += x[xo + r * xStride] * y[yo + r * yStride];
        }
        return sum;
    }

    private static void transposedTile(double[] a, int m, int inner, int k, double[] d, int outer, int j, double[] g, int go) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int r = 0; r < m; r++) {
            int ao = r * inner + k;
            int dro = r * outer + j;
            double x0 = a[ao];
            double x1 = a[ao + 1];
            double x2 = a[ao + 2];
            double x3 = a[ao + 3];
            double y0 = d[dro];
            double y1 = d[dro + 1];
            double y2 = d[dro + 2];
            double y3 = d[dro + 3];
            s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
            s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
            s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
            s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
        }
        int g0 = go + k * outer + j;
        int g1 = g0 + outer;
        int g2 = g1 + outer;
        int g3 = g2 + outer;
        g[g0] += s00; g[g0 + 1] += s01; g[g0 + 2] += s02; g[g0 + 3] += s03;
        g[g1] += s10; g[g1 + 1] += s11; g[g1 + 2] += s12; g[g1 + 3] += s13;
        g[g2] += s20; g[g2 + 1] += s21; g[g2 + 2] += s22; g[g2 + 3] += s23;
        g[g3] += s30; g[g3 + 1] += s31; g[g3 + 2] += s32; g[g3 + 3] += s33;
    }
}
