package dev.hookyard.vendor.standardwebhooks.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.support.RecordArguments;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message sent under the Standard Webhooks specification, whatever its type. The specification leaves event types
 * and payload schemas to each sender, so one record serves every type: it holds the envelope the specification
 * recommends ({@code type}, {@code timestamp}, {@code data}) and the whole payload as plain values, for handlers to
 * read the sender's own fields.
 *
 * @param type        the wire {@code type} (e.g. {@code invoice.paid}), never blank
 * @param messageId   the {@code webhook-id} header: the same for every attempt of one message, and the delivery key
 * @param occurredAt  the wire {@code timestamp} (when the event happened, not when it was sent), or {@code null} when
 *                    the payload has none or it is not an RFC 3339 date-time with an offset (the raw value stays in
 *                    {@code payload})
 * @param data        the wire {@code data} object as plain Java values (String, Long or BigInteger, BigDecimal,
 *                    Boolean, {@code null}, and unmodifiable List and Map); empty when {@code data} is absent or not
 *                    an object (senders may put the data at the top level instead). Unmodifiable
 * @param payload     the whole top-level JSON object, {@code type} and {@code data} included, as plain Java values.
 *                    Unmodifiable
 * @param delivery    the delivery it was parsed from
 */
public record StandardWebhookEvent(String type, String messageId, Instant occurredAt, Map<String, Object> data,
                                   Map<String, Object> payload, Delivery delivery) implements WebhookEvent {

    /** The vendor id of every Standard Webhooks event: {@code "standard-webhooks"}. */
    public static final String VENDOR = "standard-webhooks";

    public StandardWebhookEvent {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        data = RecordArguments.frozenMap(data, "data");
        payload = RecordArguments.frozenMap(payload, "payload");
        RecordArguments.requireEnvelope(messageId, delivery);
    }

    /** Always {@link #VENDOR}. */
    @Override
    public String vendor() {
        return VENDOR;
    }

    /** The {@link #messageId()}: a retry or a replay of a message is a duplicate of it. */
    @Override
    public String deliveryKey() {
        return messageId;
    }
}
