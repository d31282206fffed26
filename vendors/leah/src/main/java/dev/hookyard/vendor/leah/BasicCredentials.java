package dev.hookyard.vendor.leah;

import dev.hookyard.vendor.support.CanonicalBase64;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The credentials of HTTP Basic authentication (RFC 7617): {@code user:password}, UTF-8, in standard base64. The
 * user and password are always handled together as that one string, so they are compared together and a password
 * may itself contain {@code ':'} (only the first one separates the user).
 */
final class BasicCredentials {

    private BasicCredentials() {
    }

    /** Whether a configured secret has the {@code user:password} form that Basic needs. */
    static boolean isUserPassword(String secret) {
        return secret.indexOf(':') >= 0;
    }

    /** {@code user:password} in standard, padded base64, as Leah sends it. */
    static String encode(String userPassword) {
        return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code user:password} carried by {@code token68}, or {@code null} if it is not the canonical standard base64
     * of UTF-8 text containing a {@code ':'}.
     *
     * <p>Canonical ({@link CanonicalBase64#decodePadded}) means re-encoding the decoded bytes gives the same text
     * back. Java's decoder alone would also take unpadded input and non-zero unused bits, so that several header
     * values would decode to one credential; genuine senders always produce the canonical form, so anything else is
     * malformed rather than quietly accepted.
     */
    static String decode(String token68) {
        byte[] bytes = CanonicalBase64.decodePadded(token68);
        if (bytes == null) {
            return null;
        }
        String text;
        try {
            // A fresh decoder reports malformed input, where new String(bytes, UTF_8) would replace it silently.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
        return isUserPassword(text) ? text : null;
    }
}
