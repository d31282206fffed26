package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.Secret;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One active secret as an HMAC-SHA256 key (the secret's UTF-8 bytes, as Falkor keys it). Thread-safe: a
 * {@link Mac} is stateful, so each call gets its own instance rather than sharing one behind a lock; at webhook
 * rates the cost of keying it is small next to hashing the body.
 */
final class HmacSha256Key {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HmacSha256Key(Secret secret) {
        this.key = new SecretKeySpec(secret.utf8(), ALGORITHM);
    }

    /** HMAC-SHA256 of {@code body}: 32 bytes. */
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
