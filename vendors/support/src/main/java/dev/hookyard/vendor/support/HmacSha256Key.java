package dev.hookyard.vendor.support;

import dev.hookyard.spi.Secret;

import java.util.Objects;

/**
 * One secret, ready to compute HMAC-SHA256 over bodies: an {@link HmacKey} of {@link HmacAlgorithm#SHA256}, keyed
 * with the secret's UTF-8 bytes (the key most vendors use) or, for a platform that hands out encoded keys (Standard
 * Webhooks' base64 {@code whsec_} secrets), with the decoded key bytes. Thread-safe; build keys once per keyring, not
 * per delivery (see {@link HmacKey}).
 */
public final class HmacSha256Key {

    /** The length of an HMAC-SHA256: 32 bytes. */
    public static final int MAC_BYTES = 32;

    private final HmacKey key;

    /** @param secret the secret whose UTF-8 bytes are the key */
    public HmacSha256Key(Secret secret) {
        this(Objects.requireNonNull(secret, "secret").utf8());
    }

    private HmacSha256Key(byte[] keyBytes) {
        this.key = new HmacKey(HmacAlgorithm.SHA256, keyBytes);
    }

    /**
     * A key of these raw bytes (copied), for platforms whose secret is an encoding of the key rather than the key.
     *
     * @throws IllegalArgumentException if {@code keyBytes} is empty
     */
    public static HmacSha256Key ofRawKey(byte[] keyBytes) {
        return new HmacSha256Key(Objects.requireNonNull(keyBytes, "keyBytes"));
    }

    /** HMAC-SHA256 of {@code body}: {@value #MAC_BYTES} bytes, a new array on each call. */
    public byte[] mac(byte[] body) {
        return key.mac(body);
    }

    /**
     * HMAC-SHA256 of {@code prefix} followed by {@code body}, for platforms that sign more than the body (a
     * timestamp and a message id before it), without copying the body into a new array.
     */
    public byte[] mac(byte[] prefix, byte[] body) {
        return key.mac(prefix, body);
    }
}
