package dev.kiln.data;

/**
 * Bad input data: a malformed file, a value of the wrong kind, a missing column. The message names
 * where (file and line, or field) and what was expected. Commands exit with code 2 on it; the server
 * answers 400.
 */
public class InvalidDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
