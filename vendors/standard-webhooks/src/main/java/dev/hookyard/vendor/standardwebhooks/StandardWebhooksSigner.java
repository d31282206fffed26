package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a body as a Standard Webhooks sender does: a message id, the current time from the endpoint's clock in Unix
 * seconds, and one signature of {@code id.timestamp.body} made with the secret: {@code v1} for a {@code whsec_}
 * key, {@code v1a} for a {@code whsk_} key (a {@code whpk_} public key cannot sign). The headers carry the endpoint's
 * prefix ({@code webhook-} or {@code svix-}), so whatever is signed for an endpoint verifies there.
 *
 * <p>The {@link Signer} contract gives only the body and the secret, so the message id is derived from the body
 * ({@code msg_} and 32 hex digits of its SHA-256): signing one body twice makes one message, sent twice, which the
 * receiving endpoint stores once, as it would a real sender's retry.
 */
final class StandardWebhooksSigner implements Signer {

    private static final int ID_HEX_DIGITS = 32;

    private final HeaderPrefix prefix;
    private final Clock clock;

    StandardWebhooksSigner(HeaderPrefix prefix, Clock clock) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException if the secret is not a {@code whsec_} or {@code whsk_} key; the message never
     *                                  quotes it
     */
    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        WebhookKey key;
        try {
            key = WebhookKey.parse(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret " + e.getMessage(), e);
        }
        String id = messageId(body);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = key.signature(SignedContent.prefix(id, timestamp), body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(prefix.idHeader(), id);
        headers.put(prefix.timestampHeader(), timestamp);
        headers.put(prefix.signatureHeader(), signature);
        return Collections.unmodifiableMap(headers);
    }

    private static String messageId(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "msg_" + HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
