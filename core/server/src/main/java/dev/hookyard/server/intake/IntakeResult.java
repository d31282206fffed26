package dev.hookyard.server.intake;

import dev.hookyard.spi.RejectionReason;

/** What became of one request that reached an endpoint; the HTTP layer turns it into a status code. */
public sealed interface IntakeResult {

    /** Verified, parsed and durably stored (200). */
    record Accepted(long deliveryId, String eventType, String deliveryKey, int handlers) implements IntakeResult {
    }

    /** Already stored under the same key (200, not dispatched again). */
    record Duplicate(long deliveryId, String eventType, String deliveryKey) implements IntakeResult {
    }

    /** Not proven genuine (401). The detail is for the log only. */
    record Rejected(RejectionReason reason, String detail) implements IntakeResult {
    }

    /** Genuine but not the vendor's envelope (400); the reason is short and safe to show the sender. */
    record Malformed(String reason) implements IntakeResult {
    }

    /** Could not be stored (503 with Retry-After): nothing was accepted, the sender should try again. */
    record Unavailable(String detail) implements IntakeResult {
    }

    /**
     * Not stored because handlers are behind: the backlog of pending handler runs is at {@code store.maxBacklog}
     * (503 with Retry-After). The gate logs when this starts and ends, not per request.
     */
    record Backlogged(long backlog, long limit) implements IntakeResult {
    }
}
