package dev.hookyard.vendor.support;

import dev.hookyard.spi.Secret;

import java.util.Objects;

/**
 * One secret, ready to compute HMAC-SHA256 over bodies, keyed with the secret's UTF-8 bytes (the key every vendor
 * in scope uses): an {@link HmacKey} of {@link HmacAlgorithm#SHA256}. Thread-safe; build keys once per keyring, not
 * per delivery (see {@link HmacKey}).
 */
public final class HmacSha256Key {

    /** The length of an HMAC-SHA256: 32 bytes. */
    public static final int MAC_BYTES = 32;

    private final HmacKey key;

    /** @param secret the secret whose UTF-8 bytes are the key */
    public HmacSha256Key(Secret secret) {
        this.key = new HmacKey(HmacAlgorithm.SHA256, Objects.requireNonNull(secret, "secret").utf8());
    }

    /** HMAC-SHA256 of {@code body}: {@value #MAC_BYTES} bytes, a new array on each call. */
    public byte[] mac(byte[] body) {
        return key.mac(body);
    }
}
