package dev.kiln.server;

/** A request the server cannot answer as asked; the message names the field and what was expected. Answered with 400. */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
