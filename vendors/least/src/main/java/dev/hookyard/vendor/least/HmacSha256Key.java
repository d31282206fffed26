package dev.hookyard.vendor.least;

import dev.hookyard.spi.Secret;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One secret, ready to compute HMAC-SHA256 over bodies (key = the secret's UTF-8 bytes). Thread-safe.
 *
 * <p>Keying a {@link Mac} hashes the key into its inner and outer pads; doing that once and cloning the keyed
 * prototype per call keeps that work off the request path. Providers whose {@code Mac} cannot be cloned get a
 * freshly keyed instance per call instead.
 */
final class HmacSha256Key {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Mac prototype;
    private final boolean cloneable;

    HmacSha256Key(Secret secret) {
        this.key = new SecretKeySpec(secret.utf8(), ALGORITHM);
        this.prototype = newMac(key);
        this.cloneable = canClone(prototype);
    }

    /** HMAC-SHA256 of {@code body}: 32 bytes. */
    byte[] mac(byte[] body) {
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
            // Every Java platform must provide HmacSHA256, and it accepts any non-empty key.
            throw new IllegalStateException("HmacSHA256 is unavailable on this Java platform", e);
        }
    }
}
