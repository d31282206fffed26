package dev.hookyard.plugin.httpforward;

import java.io.IOException;

/**
 * The forward did not succeed and may on a later attempt: a non-2xx answer (its status and the start of its
 * body in the message), a timeout or a connection failure. Thrown from {@link HttpForwardHandler#handle}, it
 * tells the host to retry under the handler's retry policy.
 */
final class ForwardFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    ForwardFailedException(String message) {
        super(message);
    }

    ForwardFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
