package dev.hookyard.fuzz;

import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Standard Webhooks, from the specification: for some value {@code I} of an {@code *-id} header and some value
 * {@code T} of a {@code *-timestamp} header (either prefix, {@code webhook} or {@code svix}) with {@code T} within
 * the tolerance of now, the headers carry a {@code v1} HMAC-SHA256 of {@code I.T.body} keyed with the base64-decoded
 * {@code whsec_} secret, or a {@code v1a} Ed25519 signature of it under the public key of a {@code whsk_} secret.
 * The public keys are not derived here: they were computed from the seeds with OpenSSL ({@code openssl pkey
 * -pubout}), so the reference shares no code with the module's key handling.
 *
 * @param publicKeys    each {@code whsk_} secret of the endpoint to the base64 of its raw public key
 * @param pastSeconds   how old {@code T} may be
 * @param futureSeconds how far ahead {@code T} may be
 */
record StandardWebhooksProof(Map<String, String> publicKeys, long pastSeconds, long futureSeconds) implements Proof {

    private static final byte[] X509_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    @Override
    public boolean carriedBy(List<String> secrets, Headers headers, byte[] body, Instant now) {
        for (String id : valuesOf(headers, "-id")) {
            for (String timestamp : valuesOf(headers, "-timestamp")) {
                if (!Tolerances.within(timestamp, now, pastSeconds, futureSeconds)) {
                    continue;
                }
                byte[] content = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
                for (String secret : secrets) {
                    if (carries(secret, headers, content)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean carries(String secret, Headers headers, byte[] content) {
        if (secret.startsWith("whsk_")) {
            PublicKey key = publicKey(publicKeys.get(secret));
            for (String signature : valuesOf(headers, "-signature")) {
                for (String token : signature.split("[\\s,]+")) {
                    byte[] decoded = lenientBase64(token);
                    if (decoded != null && decoded.length == 64 && verifies(key, content, decoded)) {
                        return true;
                    }
                }
            }
            return false;
        }
        byte[] key = lenientBase64(secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret);
        return key != null && Authenticity.carriesMacAnywhere(headers, List.of(Authenticity.hmac(key, content)));
    }

    /** Every value of every header whose name ends with {@code suffix}, in any case. */
    private static List<String> valuesOf(Headers headers, String suffix) {
        List<String> values = new ArrayList<>();
        for (String name : headers.names()) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                values.addAll(headers.all(name));
            }
        }
        return values;
    }

    private static byte[] lenientBase64(String text) {
        String unpadded = Authenticity.stripLoosely(text).replaceFirst("=+$", "");
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return decoder.decode(unpadded);
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the next one
            }
        }
        return null;
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    concat(X509_HEADER, Base64.getDecoder().decode(base64))));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("a fuzz endpoint's public key does not decode", e);
        }
    }

    private static boolean verifies(PublicKey key, byte[] content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
