package dev.hookyard.distribution;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a LEAST sender computes, written out independently of the vendor module under test. */
final class LeastSigning {

    private LeastSigning() {
    }

    /** {@code X-LEAST-Signature}: HMAC-SHA256 of the raw body keyed with the secret, {@code sha256=} lowercase hex. */
    static String signature(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** LEAST's delivery key: the SHA-256 of the raw body, lowercase hex. */
    static String deliveryKey(byte[] body) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
