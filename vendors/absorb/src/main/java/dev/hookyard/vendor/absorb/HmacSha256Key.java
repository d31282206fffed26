package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Secret;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One secret, ready to compute HMAC-SHA256 over bodies; the key is the secret's UTF-8 bytes, as SPEC.md says for
 * every vendor. Thread-safe: a {@link Mac} is stateful, so each call gets its own.
 */
final class HmacSha256Key {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HmacSha256Key(Secret secret) {
        this.key = new SecretKeySpec(secret.utf8(), ALGORITHM);
        mac(new byte[0]); // fail at startup, not on the request path, should the platform lack HmacSHA256
    }

    /** HMAC-SHA256 of {@code body}: 32 bytes. */
    byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, and it accepts any non-empty key.
            throw new IllegalStateException("HmacSHA256 is unavailable on this Java platform", e);
        }
    }
}
