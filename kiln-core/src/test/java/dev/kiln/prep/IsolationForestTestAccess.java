package dev.kiln.prep;

/** Test access to package-private parts of {@link IsolationForest}. */
public final class IsolationForestTestAccess {
    private IsolationForestTestAccess() {
    }

    public static double averagePathLength(double m) {
        return IsolationForest.averagePathLength(m);
    }
}
