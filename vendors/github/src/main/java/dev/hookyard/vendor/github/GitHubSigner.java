package dev.hookyard.vendor.github;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacKey;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs a body as GitHub does: the HMAC of the raw body keyed with the secret's UTF-8 bytes, in lower-case hex after
 * {@code sha256=} in {@code X-Hub-Signature-256}; with the delivery's GUID in {@code X-GitHub-Delivery} and, when the
 * event type is given, its event name (the type's part before any {@code .}) in {@code X-GitHub-Event}.
 *
 * <p>On an endpoint that allows SHA-1, it signs as the legacy senders that option exists for do: only
 * {@code sha1=} in {@code X-Hub-Signature}, so that what it signs exercises the path the option opens.
 *
 * <p>GitHub gives each delivery a random GUID; this signer derives it from the event name and the body instead, so
 * that signing the same sample twice makes one delivery, a duplicate the second time, as with the other vendors.
 */
final class GitHubSigner implements Signer {

    private final SignatureHeader header;

    GitHubSigner(boolean legacySha1) {
        this.header = legacySha1 ? SignatureHeader.SHA1 : SignatureHeader.SHA256;
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        return headers(body, secret, null);
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret, String eventType) {
        Objects.requireNonNull(eventType, "eventType");
        int dot = eventType.indexOf('.');
        return headers(body, secret, dot < 0 ? eventType : eventType.substring(0, dot));
    }

    private Map<String, String> headers(byte[] body, Secret secret, String event) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] mac = new HmacKey(header.algorithm(), secret.utf8()).mac(body);
        headers.put(header.headerName(), header.format().encode(mac));
        headers.put(DeliveryHeaders.DELIVERY, deliveryId(event, body));
        if (event != null) {
            headers.put(DeliveryHeaders.EVENT, event);
        }
        return headers;
    }

    private static String deliveryId(String event, byte[] body) {
        byte[] prefix = ("github " + (event == null ? "" : event) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] name = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, name, 0, prefix.length);
        System.arraycopy(body, 0, name, prefix.length, body.length);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
