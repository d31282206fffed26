package dev.hookyard.fuzz;

import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which MACs an endpoint's genuine sender can make, written from each platform's documentation rather than from the
 * vendor code (see {@link Authenticity}): HMACs keyed with a secret's UTF-8 bytes, in one or more hash functions, over
 * the raw body or over a template of a signed timestamp and the body.
 *
 * @param algorithms      the {@link Mac} names a genuine signature may use, e.g. {@code HmacSHA256}
 * @param timestampHeader the header whose value is signed with the body, or {@code null} for the body alone
 * @param template        with a timestamp header, what is signed: {@code {timestamp}} and {@code {body}} once each
 */
record MacReference(List<String> algorithms, String timestampHeader, String template) implements Proof {

    /** HMAC-SHA256 of the raw body: LEAST, Absorb, LeafLink, Falkor, GitHub. */
    static final MacReference BODY_SHA256 = new MacReference(List.of("HmacSHA256"), null, null);

    /** The body alone, signed with any of these algorithms. */
    static MacReference body(String... algorithms) {
        return new MacReference(List.of(algorithms), null, null);
    }

    /** Any header carries one of {@link #macs} ({@code now} plays no part: a signed timestamp is not judged here). */
    @Override
    public boolean carriedBy(List<String> activeSecrets, Headers headers, byte[] body, Instant now) {
        return Authenticity.carriesMac(headers, macs(activeSecrets, headers, body));
    }

    /**
     * Every MAC a holder of one of {@code secrets} could have sent with these headers and this body. For a signed
     * timestamp, every value of the timestamp header, as sent and stripped, is tried: a lenient superset of what any
     * verifier signs over.
     */
    List<byte[]> macs(List<String> secrets, Headers headers, byte[] body) {
        List<byte[]> signed = new ArrayList<>();
        if (timestampHeader == null) {
            signed.add(body);
        } else {
            Set<String> timestamps = new LinkedHashSet<>();
            for (String value : headers.all(timestampHeader)) {
                timestamps.add(value);
                timestamps.add(Authenticity.stripLoosely(value));
            }
            for (String timestamp : timestamps) {
                signed.add(content(timestamp, body));
            }
        }
        List<byte[]> macs = new ArrayList<>();
        for (String secret : secrets) {
            for (String algorithm : algorithms) {
                for (byte[] data : signed) {
                    macs.add(hmac(algorithm, secret, data));
                }
            }
        }
        return macs;
    }

    private byte[] content(String timestamp, byte[] body) {
        int at = template.indexOf("{body}");
        byte[] before = template.substring(0, at).replace("{timestamp}", timestamp).getBytes(StandardCharsets.UTF_8);
        byte[] after = template.substring(at + "{body}".length()).replace("{timestamp}", timestamp)
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[before.length + body.length + after.length];
        System.arraycopy(before, 0, content, 0, before.length);
        System.arraycopy(body, 0, content, before.length, body.length);
        System.arraycopy(after, 0, content, before.length + body.length, after.length);
        return content;
    }

    static byte[] hmac(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }
}
