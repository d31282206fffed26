package dev.hookyard.vendor.support;

import dev.hookyard.spi.Secret;

import java.security.GeneralSecurityException;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One secret, ready to compute HMAC-SHA256 over bodies, keyed with the secret's UTF-8 bytes (the key most vendors
 * use) or, for a platform that hands out encoded keys (Standard Webhooks' base64 {@code whsec_} secrets), with the
 * decoded key bytes. Thread-safe.
 *
 * <p>Keying a {@link Mac} hashes the key into its inner and outer pads. This is done once, in the constructor, and
 * every call clones the keyed prototype, which keeps that work off the request path; verifiers should therefore
 * build their keys once per keyring, not per delivery. Providers whose {@code Mac} cannot be cloned get a freshly
 * keyed instance per call instead. The constructor fails at once, at startup rather than on the first request,
 * should the platform lack HmacSHA256.
 */
public final class HmacSha256Key {

    /** The length of an HMAC-SHA256: 32 bytes. */
    public static final int MAC_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Mac prototype;
    private final boolean cloneable;

    /** @param secret the secret whose UTF-8 bytes are the key */
    public HmacSha256Key(Secret secret) {
        this(Objects.requireNonNull(secret, "secret").utf8());
    }

    private HmacSha256Key(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, ALGORITHM);
        this.prototype = newMac(key);
        this.cloneable = canClone(prototype);
    }

    /**
     * A key of these raw bytes (copied), for platforms whose secret is an encoding of the key rather than the key.
     *
     * @throws IllegalArgumentException if {@code keyBytes} is empty
     */
    public static HmacSha256Key ofRawKey(byte[] keyBytes) {
        if (Objects.requireNonNull(keyBytes, "keyBytes").length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        return new HmacSha256Key(keyBytes);
    }

    /** HMAC-SHA256 of {@code body}: {@value #MAC_BYTES} bytes, a new array on each call. */
    public byte[] mac(byte[] body) {
        return instance().doFinal(body);
    }

    /**
     * HMAC-SHA256 of {@code prefix} followed by {@code body}, for platforms that sign more than the body (a
     * timestamp and a message id before it), without copying the body into a new array.
     */
    public byte[] mac(byte[] prefix, byte[] body) {
        Mac mac = instance();
        mac.update(prefix);
        return mac.doFinal(body);
    }

    private Mac instance() {
        if (cloneable) {
            try {
                // The prototype is never updated after init, so concurrent clones read a stable state.
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // canClone said otherwise; fall through to a fresh instance.
            }
        }
        return newMac(key);
    }

    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, and it takes any non-empty key (a Secret never is empty,
            // and ofRawKey refuses an empty array).
            throw new IllegalStateException("HmacSHA256 is unavailable on this Java platform", e);
        }
    }
}
