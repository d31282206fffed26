package dev.hookyard.server.store;

/**
 * A handler run that is due: the handler owes the delivery an attempt.
 *
 * @param delivery the delivery
 * @param handler  the handler's configured name
 * @param attempts attempts made so far
 */
public record DueRun(StoredDelivery delivery, String handler, int attempts) {

    /** Identifies the run across polls, so that one still in flight is not started twice. */
    public String runKey() {
        return key(delivery.id(), handler);
    }

    /** The {@link #runKey()} of the run of {@code handler} for delivery {@code deliveryId}. */
    public static String key(long deliveryId, String handler) {
        return deliveryId + "/" + handler;
    }
}
