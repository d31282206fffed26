package dev.hookyard.distribution;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
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

    /** A POST of {@code body} to {@code endpoint} as LEAST sends it, signed with {@link ChildServer#SECRET}. */
    static HttpRequest signedPost(URI endpoint, byte[] body) throws GeneralSecurityException {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-LEAST-Signature", signature(ChildServer.SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(20)).build();
    }

    /** LEAST's delivery key: the SHA-256 of the raw body, lowercase hex. */
    static String deliveryKey(byte[] body) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
