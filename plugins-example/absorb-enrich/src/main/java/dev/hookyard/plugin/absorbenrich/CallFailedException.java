package dev.hookyard.plugin.absorbenrich;

import java.io.IOException;

/**
 * A call to Absorb or to the forward target did not succeed and may on a later attempt: a non-2xx answer (status
 * and the start of the body in the message), a timeout, a connection failure, an unreadable answer. Thrown from
 * {@link AbsorbEnrichHandler#handle}, it tells the host to retry under the handler's retry policy.
 */
final class CallFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    CallFailedException(String message) {
        super(message);
    }

    CallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
