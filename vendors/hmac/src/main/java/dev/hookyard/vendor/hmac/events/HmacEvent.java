package dev.hookyard.vendor.hmac.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;
import java.util.Objects;

/**
 * A delivery of a platform configured with {@code vendor: hmac}: this module knows nothing of the platform's
 * payloads beyond where the endpoint's options say the type and the key are, so the whole body is kept as plain
 * values for handlers to read.
 *
 * @param type        the event type, read where the endpoint's {@code type} option points (a field of the body or a
 *                    header)
 * @param payload     the whole body (a JSON object) as plain Java values (String, Long or BigInteger, BigDecimal,
 *                    Boolean, {@code null}, and unmodifiable List and Map for nested JSON), names as sent. Unmodifiable
 * @param deliveryKey from the endpoint's {@code key} option: the body field as sent (hashed when it is long or not
 *                    printable ASCII), or a hash of the endpoint and the header's value; without {@code key}, the
 *                    SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record HmacEvent(String type, Map<String, Object> payload, String deliveryKey, Delivery delivery)
        implements WebhookEvent {

    /** The vendor id of every event of this module: {@code "hmac"}. */
    public static final String VENDOR = "hmac";

    public HmacEvent {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        payload = RecordArguments.frozenMap(payload, "payload");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #VENDOR}. */
    @Override
    public String vendor() {
        return VENDOR;
    }
}
