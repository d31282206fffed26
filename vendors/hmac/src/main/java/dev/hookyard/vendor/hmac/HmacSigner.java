package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacKey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs a body as the endpoint's options say the platform does: the HMAC of the body (or of the signed content, with
 * the injected clock's current second in the timestamp header) in the signature header, written with the prefix and
 * encoding configured. Where the type comes from a header, that header carries the event type it is given (without
 * one, it is left out); where the key does, that header carries an id derived from the type and the body, so that
 * signing the same sample twice makes one delivery, a duplicate the second time, as with the other vendors.
 */
final class HmacSigner implements Signer {

    private final HmacSettings settings;
    private final Clock clock;

    HmacSigner(HmacSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        return headers(body, secret, null);
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret, String eventType) {
        return headers(body, secret, Objects.requireNonNull(eventType, "eventType"));
    }

    private Map<String, String> headers(byte[] body, Secret secret, String eventType) {
        Objects.requireNonNull(body, "body");
        HmacKey key = new HmacKey(settings.algorithm(), Objects.requireNonNull(secret, "secret").utf8());
        Map<String, String> headers = new LinkedHashMap<>();
        Timestamping timestamping = settings.timestamping();
        if (timestamping == null) {
            headers.put(settings.header(), settings.format().encode(key.mac(body)));
        } else {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            headers.put(settings.header(), settings.format().encode(key.mac(timestamping.content().of(timestamp,
                    body))));
            headers.put(timestamping.header(), timestamp);
        }
        if (settings.type() instanceof FieldSource.HeaderField typeHeader && eventType != null) {
            headers.put(typeHeader.name(), eventType);
        }
        if (settings.key() instanceof FieldSource.HeaderField keyHeader) {
            headers.put(keyHeader.name(), deliveryId(eventType, body));
        }
        return headers;
    }

    private static String deliveryId(String eventType, byte[] body) {
        byte[] prefix = ("hmac " + (eventType == null ? "" : eventType) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] name = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, name, 0, prefix.length);
        System.arraycopy(body, 0, name, prefix.length, body.length);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
