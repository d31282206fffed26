package dev.hookyard.server.management;

import dev.hookyard.server.config.HookyardConfig.ManagementSettings;
import dev.hookyard.spi.Secret;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

/**
 * Decides whether a management request may proceed; asked first, for every request, by {@link ManagementHandler},
 * and the only place that does. Without {@code management.token} every caller is let in (the configuration allows
 * that only on a loopback bind); with it, every request but {@code GET /health/live} must carry
 * {@code Authorization: Bearer <token>}, compared in constant time.
 */
@FunctionalInterface
public interface ManagementAccess {

    /** Lets everyone in. */
    ManagementAccess OPEN = request -> Optional.empty();

    /** The answer to a request without the right token: the same whatever was sent, echoing nothing. */
    Denial UNAUTHORIZED = new Denial(HttpStatus.UNAUTHORIZED_401, "unauthorized");

    /** Empty to let the request through, or the denial (status and a short reason). */
    Optional<Denial> check(Request request);

    /** What {@code settings} asks for: {@link #OPEN} without a token, else {@link #bearer(Secret)}. */
    static ManagementAccess of(ManagementSettings settings) {
        return settings.token() == null ? OPEN : bearer(settings.token());
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every request except the liveness probe, which tells only
     * that the process runs (a supervisor may probe it without the token).
     */
    static ManagementAccess bearer(Secret token) {
        return request -> {
            String path = Request.getPathInContext(request);
            if (path.equals("/health/live") || path.equals("/health/live/")) {
                return Optional.empty();
            }
            String presented = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (presented != null && presented.length() > 7 && presented.regionMatches(true, 0, "Bearer ", 0, 7)
                    && token.matches(presented.substring(7).strip())) {
                return Optional.empty();
            }
            return Optional.of(UNAUTHORIZED);
        };
    }

    /**
     * A refused request.
     *
     * @param status HTTP status (401 or 403)
     * @param reason short text, never echoing what the caller sent
     */
    record Denial(int status, String reason) {
    }
}
