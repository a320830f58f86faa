package dev.kiln.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks {@code Authorization: Bearer TOKEN} on guarded endpoints, comparing in constant time. With
 * no token configured, guarded endpoints are refused: management never runs unauthenticated.
 */
final class TokenGuard {
    private final byte[] token;

    TokenGuard(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Throws {@link ForbiddenException} unless the request carries the token. */
    void check(Context ctx) {
        if (token == null) {
            throw new ForbiddenException(403, "this endpoint needs a token: start the server with KILN_TOKEN set");
        }
        if (!accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ForbiddenException(401, "missing or wrong token (send Authorization: Bearer <token>)");
        }
    }

    /** Whether {@code authorization} (an Authorization header, or null) carries the token; never with no token set. */
    boolean accepts(String authorization) {
        if (token == null) {
            return false;
        }
        byte[] given = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return MessageDigest.isEqual(token, given);
    }

    /** A request without the right token: 401 (no or wrong token) or 403 (no token configured). */
    static final class ForbiddenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ForbiddenException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
