package dev.kiln.server;

/** A request for a model or version the server does not serve; answered with 404 and the names it does serve. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
