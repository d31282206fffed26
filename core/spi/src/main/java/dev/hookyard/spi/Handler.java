package dev.hookyard.spi;

/**
 * Acts on events routed to it. Delivery to handlers is at-least-once: after a crash or a retry the same event may
 * arrive again, so handlers should be idempotent (use {@link WebhookEvent#deliveryKey()}).
 *
 * <p>Called concurrently from several threads. An exception means "failed, retry later" under the handler's retry
 * policy; return {@link Outcome.RetryAfter} to ask for a specific delay, or {@link Outcome.Drop} to give up on an
 * event that can never succeed.
 */
@FunctionalInterface
public interface Handler extends AutoCloseable {

    /** Handles one event. */
    Outcome handle(WebhookEvent event) throws Exception;

    /** Releases resources; called once at shutdown. */
    @Override
    default void close() throws Exception {
    }
}
