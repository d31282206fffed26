package dev.hookyard.server.management;

import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Decides whether a management request may proceed; asked first, for every request, by {@link ManagementHandler}.
 * Today the API binds to loopback by default and lets every local caller in; a token for non-loopback binds
 * plugs in here.
 */
@FunctionalInterface
public interface ManagementAccess {

    /** Lets everyone in. */
    ManagementAccess OPEN = request -> Optional.empty();

    /** Empty to let the request through, or the denial (status and a short reason). */
    Optional<Denial> check(Request request);

    /**
     * A refused request.
     *
     * @param status HTTP status (401 or 403)
     * @param reason short text, never echoing what the caller sent
     */
    record Denial(int status, String reason) {
    }
}
