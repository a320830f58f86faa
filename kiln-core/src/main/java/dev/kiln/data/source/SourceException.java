package dev.kiln.data.source;

/**
 * A source that could not be read for reasons outside the data: an unreachable database, broker or HTTP server,
 * refused credentials, an HTTP error after its retries. The message is one line naming the source without
 * secrets; commands exit with code 1 on it.
 */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(oneLine(message));
    }

    public SourceException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** {@code text} on one line: runs of white space (drivers' messages span lines) become one space. */
    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }
}
