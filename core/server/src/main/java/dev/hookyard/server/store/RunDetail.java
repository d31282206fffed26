package dev.hookyard.server.store;

import java.time.Instant;

/**
 * One handler's state for a delivery, as shown to an operator.
 *
 * @param handler   handler name
 * @param status    run status
 * @param attempts  attempts made
 * @param lastError the last error, or null
 * @param nextDue   when the next attempt is due (pending runs only), or null
 * @param updatedAt when the run last changed
 */
public record RunDetail(String handler, RunStatus status, int attempts, String lastError, Instant nextDue,
                        Instant updatedAt) {
}
