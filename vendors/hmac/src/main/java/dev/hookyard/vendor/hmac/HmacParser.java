package dev.hookyard.vendor.hmac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.hmac.events.HmacEvent;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.PlainValues;
import dev.hookyard.vendor.support.StrictJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Parses a delivery into an {@link HmacEvent}: the body must be a JSON object; the type is read where the endpoint's
 * {@code type} option points, the delivery key where its {@code key} option points.
 *
 * <p>Keys are bounded and printable, since they reach logs and the store: a key from the body is kept as sent when
 * it is 1 to {@value #MAX_READABLE_KEY} printable ASCII characters without spaces, and otherwise replaced by
 * {@code sha256:} and its hash. A key from a header, which the signature does not cover, is always the SHA-256 of
 * the endpoint's name, a zero byte and the value, so that it is never text a sender chose. Without a {@code key}
 * option, the key is the SHA-256 of the raw body. Malformed reasons name the configured field, never a value.
 * Deterministic and thread-safe; never throws.
 */
final class HmacParser implements Parser {

    private static final int MAX_READABLE_KEY = 128;

    private final FieldSource type;
    private final FieldSource key;
    private final byte[] endpoint;

    HmacParser(HmacSettings settings, String endpoint) {
        this.type = settings.type();
        this.key = settings.key();
        this.endpoint = endpoint.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            ObjectNode root = StrictJson.EXACT_DECIMALS.readObject(delivery.body());
            String eventType = type.read("type", root, delivery.headers());
            if (!EventTypeText.isValid(eventType)) {
                throw new MalformedBodyException("the type at " + type.describe() + " is not an event type ("
                        + EventTypeText.DESCRIPTION + ")");
            }
            return ParseResult.parsed(new HmacEvent(eventType, PlainValues.ofObject(root),
                    deliveryKey(root, delivery), delivery));
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private String deliveryKey(JsonNode root, Delivery delivery) throws MalformedBodyException {
        if (key == null) {
            return delivery.bodySha256();
        }
        String value = key.read("key", root, delivery.headers());
        if (!key.signed()) {
            return sha256(endpoint, value.getBytes(StandardCharsets.UTF_8));
        }
        return isReadable(value) ? value : "sha256:" + sha256(new byte[0], value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isReadable(String key) {
        return !key.isEmpty() && key.length() <= MAX_READABLE_KEY && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static String sha256(byte[] prefix, byte[] value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (prefix.length > 0) {
                digest.update(prefix);
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
