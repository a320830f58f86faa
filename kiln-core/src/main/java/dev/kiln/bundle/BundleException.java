package dev.kiln.bundle;

/** A bundle that cannot be loaded: missing, of an unknown format version, or failing its checksums. */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
