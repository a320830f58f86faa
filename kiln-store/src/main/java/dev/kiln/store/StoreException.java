package dev.kiln.store;

/**
 * Unchecked failure of the store's database: it could not be reached, a statement failed, or its schema is
 * not one this Kiln can use. The cause, when present, is the underlying {@link java.sql.SQLException} or
 * Flyway error.
 */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    StoreException(String message) {
        super(message);
    }
}
