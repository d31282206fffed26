package dev.hookyard.vendor.support;

import java.security.GeneralSecurityException;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key, ready to compute HMACs of one {@link HmacAlgorithm}. Thread-safe.
 *
 * <p>Keying a {@link Mac} hashes the key into its inner and outer pads. This is done once, in the constructor, and
 * every call clones the keyed prototype, which keeps that work off the request path; verifiers should therefore
 * build their keys once per keyring, not per delivery. Providers whose {@code Mac} cannot be cloned get a freshly
 * keyed instance per call instead. The constructor fails at once, at startup rather than on the first request,
 * should the platform lack the algorithm.
 */
public final class HmacKey {

    private final HmacAlgorithm algorithm;
    private final SecretKeySpec key;
    private final Mac prototype;
    private final boolean cloneable;

    /**
     * @param algorithm the hash function
     * @param key       the key bytes (for every vendor in scope, the secret's UTF-8 bytes); copied, not empty
     */
    public HmacKey(HmacAlgorithm algorithm, byte[] key) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (Objects.requireNonNull(key, "key").length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        this.key = new SecretKeySpec(key, algorithm.jcaName());
        this.prototype = newMac();
        this.cloneable = canClone(prototype);
    }

    /** The hash function. */
    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    /** The HMAC of {@code data}: {@link HmacAlgorithm#macBytes()} bytes, a new array on each call. */
    public byte[] mac(byte[] data) {
        return instance().doFinal(data);
    }

    /**
     * The HMAC of {@code prefix} followed by {@code data}, for platforms that sign more than the body (a timestamp
     * and a message id before it), without copying the body into a new array.
     */
    public byte[] mac(byte[] prefix, byte[] data) {
        Mac mac = instance();
        mac.update(prefix);
        return mac.doFinal(data);
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
        return newMac();
    }

    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA1 and HmacSHA256, and the JDK's providers HmacSHA512; all take
            // any non-empty key.
            throw new IllegalStateException(algorithm.jcaName() + " is unavailable on this Java platform", e);
        }
    }
}
