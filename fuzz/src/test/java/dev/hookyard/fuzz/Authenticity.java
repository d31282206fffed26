package dev.hookyard.fuzz;

import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent reference for what a verifier may accept, written from SPEC.md rather than from the vendor code, so
 * that the fuzz targets can tell a forgery from a genuine delivery without trusting the code under test.
 *
 * <ul>
 *   <li>{@link Verdict#FORGED}: no header value carries the endpoint's {@link Proof} under an active secret: the
 *       body's HMAC-SHA256 for most vendors, in hex or base64, after any short prefix, surrounded by whitespace or
 *       not ({@link MacReference}); for Leah, an active credential; for a vendor that signs a timestamp, proof over a
 *       timestamp within the tolerance. Nobody without a secret can make anything else, so the verifier must reject
 *       it.</li>
 *   <li>{@link Verdict#GENUINE}: the headers are exactly what the vendor's own signer produces for this body with an
 *       active secret, plus only harmless headers ({@link #HARMLESS}); the verifier must accept it.</li>
 *   <li>{@link Verdict#UNDECIDED}: everything between (a respelled but equivalent signature, a duplicated header, a
 *       second candidate header): SPEC.md allows some of these and forbids others, and the vendor modules' own tests
 *       pin those rules down. The fuzz targets only check that nothing throws there.</li>
 * </ul>
 *
 * <p>The reference is deliberately more lenient than any verifier in what it counts as "carries the MAC" (any case,
 * any surrounding whitespace, Unicode case folding of the prefix, non-canonical base64), so that {@code FORGED} is
 * only ever said of true forgeries; it is strict about what lies between the characters, so a verifier that accepts a
 * signature with something inserted into it is caught.
 */
final class Authenticity {

    /** Headers a genuine sender may add that no verifier reads. */
    static final Set<String> HARMLESS = Set.of("content-type", "user-agent", "x-request-id");

    enum Verdict { FORGED, UNDECIDED, GENUINE }

    /** Longer than any prefix a vendor expects before its MAC. */
    private static final int MAX_PREFIX_CHARS = 16;

    private Authenticity() {
    }

    /**
     * The verdict on a delivery signed for {@code eventType} ({@code null}: unknown; the signer's output without a
     * type is then the genuine one).
     *
     * @param now the time the verifier reads from its clock (timestamps are judged against it)
     */
    static Verdict classify(FuzzEndpoint endpoint, Vendor vendor, Headers headers, byte[] body, String eventType,
                            Instant now) {
        if (isExactlySigned(endpoint, vendor, headers, body, eventType)) {
            return Verdict.GENUINE;
        }
        return endpoint.proof().carriedBy(endpoint.active(), headers, body, now) ? Verdict.UNDECIDED
                : Verdict.FORGED;
    }

    /**
     * The headers are one active secret's signer output for this body (and event type, if known), plus harmless
     * extras, nothing else.
     */
    static boolean isExactlySigned(FuzzEndpoint endpoint, Vendor vendor, Headers headers, byte[] body,
                                   String eventType) {
        Map<String, List<String>> rest = new LinkedHashMap<>();
        headers.toMap().forEach((name, values) -> {
            if (!HARMLESS.contains(name.toLowerCase(Locale.ROOT))) {
                rest.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        for (Secret secret : endpoint.activeSecrets()) {
            Map<String, List<String>> signed = new LinkedHashMap<>();
            (eventType == null ? vendor.signer().sign(body.clone(), secret)
                    : vendor.signer().sign(body.clone(), secret, eventType))
                    .forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), List.of(value)));
            if (signed.equals(rest)) {
                return true;
            }
        }
        return false;
    }

    /** HMAC-SHA256 of {@code body} under {@code secret}: what most vendors sign. */
    static byte[] hmac(String secret, byte[] body) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
            // An empty key cannot MAC anything: no delivery carries its MAC.
            return new byte[0];
        }
    }

    /** Whether any header value, read as leniently as any vendor might, decodes to one of the MACs. */
    static boolean carriesMac(Headers headers, List<byte[]> macs) {
        for (String name : headers.names()) {
            for (String value : headers.all(name)) {
                for (byte[] decoded : leniently(value)) {
                    for (byte[] mac : macs) {
                        if (Arrays.equals(decoded, mac)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether any part of any header value, read as leniently as {@link #carriesMac}, decodes to one of the MACs: the
     * whole value, each part between whitespace, commas and semicolons, and each such part after its first {@code =}
     * (for headers that list several {@code key=value} or {@code version,value} signatures).
     */
    static boolean carriesMacAnywhere(Headers headers, List<byte[]> macs) {
        for (String name : headers.names()) {
            for (String value : headers.all(name)) {
                List<String> parts = new ArrayList<>(List.of(value));
                for (String part : value.split("[\\s,;]+")) {
                    parts.add(part);
                    int equals = part.indexOf('=');
                    if (equals >= 0) {
                        parts.add(part.substring(equals + 1));
                    }
                }
                for (String part : parts) {
                    for (byte[] decoded : leniently(part)) {
                        for (byte[] mac : macs) {
                            if (Arrays.equals(decoded, mac)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Whether any header value holds an active credential: as a token, or base64 of it (Basic). */
    static boolean carriesCredential(Headers headers, List<String> credentials) {
        for (String name : headers.names()) {
            for (String value : headers.all(name)) {
                for (String part : value.split("[\\s\\u0085\\u00a0\\u2000-\\u200b\\u2028\\u2029\\u3000]+")) {
                    if (credentials.contains(part) || credentials.contains(stripLoosely(part))) {
                        return true;
                    }
                    for (byte[] decoded : base64(stripLoosely(part))) {
                        if (credentials.contains(new String(decoded, StandardCharsets.UTF_8))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Every reading of a signature value: stripped, and after each {@code =}, {@code :}, {@code ,} or space among its
     * first {@value #MAX_PREFIX_CHARS} characters (any prefix a vendor may expect: {@code sha256=}, {@code v1=}, ...),
     * as hex or as base64.
     */
    private static List<byte[]> leniently(String value) {
        String text = stripLoosely(value);
        List<String> bare = new ArrayList<>(List.of(text));
        for (int i = 0; i < Math.min(text.length(), MAX_PREFIX_CHARS); i++) {
            if ("=:, ".indexOf(text.charAt(i)) >= 0) {
                bare.add(stripLoosely(text.substring(i + 1)));
            }
        }
        List<byte[]> readings = new ArrayList<>();
        for (String candidate : bare) {
            byte[] hex = hex(candidate);
            if (hex != null) {
                readings.add(hex);
            }
            readings.addAll(base64(candidate));
        }
        return readings;
    }

    /** Strips every character that is whitespace in any sense, or a control character, from both ends. */
    static String stripLoosely(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isLooseSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isLooseSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isLooseSpace(char c) {
        return c <= 0x20 || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    /** Hex of any whole number of bytes, digits of any script and case (more lenient than any verifier). */
    private static byte[] hex(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16);
            int low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** Standard and URL-safe base64, padded or not, non-canonical last characters included. */
    private static List<byte[]> base64(String text) {
        List<byte[]> readings = new ArrayList<>();
        String unpadded = text.replaceFirst("=+$", "");
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                readings.add(decoder.decode(unpadded));
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the next one
            }
        }
        return readings;
    }
}
