package dev.hookyard.vendor.support;

import dev.hookyard.spi.Secret;

import java.security.GeneralSecurityException;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One secret, ready to compute HMAC-SHA256 over bodies, keyed with the secret's UTF-8 bytes (the key every vendor
 * in scope uses). Thread-safe.
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
        this.key = new SecretKeySpec(Objects.requireNonNull(secret, "secret").utf8(), ALGORITHM);
        this.prototype = newMac(key);
        this.cloneable = canClone(prototype);
    }

    /** HMAC-SHA256 of {@code body}: {@value #MAC_BYTES} bytes, a new array on each call. */
    public byte[] mac(byte[] body) {
        return instance().doFinal(body);
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
            // Every Java platform must provide HmacSHA256, and it takes any non-empty key (a Secret never is empty).
            throw new IllegalStateException("HmacSHA256 is unavailable on this Java platform", e);
        }
    }
}
