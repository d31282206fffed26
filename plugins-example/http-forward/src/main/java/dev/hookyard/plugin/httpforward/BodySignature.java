package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.Secret;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs forwarded requests: {@code <headerName>: sha256=<lower-case hex HMAC-SHA256(key, body bytes)>}, the same
 * form GitHub and many receivers already verify. It covers the body only, exactly the bytes sent; replays of a
 * signed request are recognised downstream by the {@code X-Hookyard-Delivery-Key} header.
 *
 * @param headerName the header that carries the signature
 * @param key        the HMAC key (its UTF-8 bytes)
 */
record BodySignature(String headerName, Secret key) {

    private static final String ALGORITHM = "HmacSHA256";

    /** The header value for these body bytes. Thread-safe: a {@link Mac} is made per call. */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.utf8(), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }
}
