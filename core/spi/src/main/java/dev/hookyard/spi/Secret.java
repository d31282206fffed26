package dev.hookyard.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (an HMAC key, a token, a password). Its {@link #toString()} never shows the value, so that a
 * secret handed to a logger or an exception message by mistake stays secret.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Checks.notNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
    }

    /** Wraps a non-empty secret value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value; call only where the secret is used (computing a MAC, comparing a credential). */
    public String reveal() {
        return value;
    }

    /** The value's UTF-8 bytes: the HMAC key for every vendor in scope. */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison with a presented credential, whatever the lengths. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(value), sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(s.utf8(), utf8());
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
