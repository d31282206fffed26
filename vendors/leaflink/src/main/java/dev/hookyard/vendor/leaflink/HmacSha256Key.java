package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Secret;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One company webhook key, ready to compute HMAC-SHA256 over bodies (key = the secret's UTF-8 bytes, as LeafLink's
 * samples use it). Thread-safe: a {@link Mac} is stateful, so each call gets its own instance.
 */
final class HmacSha256Key {

    static final int MAC_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HmacSha256Key(Secret secret) {
        this.key = new SecretKeySpec(secret.utf8(), ALGORITHM);
    }

    /** HMAC-SHA256 of {@code body}: {@value #MAC_BYTES} bytes. */
    byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, and it takes any non-empty key (Secret is never empty).
            throw new IllegalStateException("HmacSHA256 is unavailable on this Java platform", e);
        }
    }
}
