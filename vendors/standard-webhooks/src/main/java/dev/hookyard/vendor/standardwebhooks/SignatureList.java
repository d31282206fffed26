package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.vendor.support.CanonicalBase64;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code webhook-signature} value, decoded: a space-separated list of {@code <version>,<base64>} signatures, any
 * of which may match (senders sign with an old and a new key at once while rotating, and with both schemes while
 * moving between them).
 *
 * <p>{@code v1} (HMAC-SHA256, 32 bytes) and {@code v1a} (Ed25519, 64 bytes) are read; other versions are skipped, as
 * the specification's libraries skip them, so that a sender may add a scheme without breaking receivers. What is
 * read must be exact: the canonical, padded base64 of the right length (the only text the specification's libraries
 * would match, since they compare the base64 texts), and every entry must have a version and a comma. At most
 * {@value #MAX_ENTRIES} entries and {@value #MAX_CHARS} characters, so that a hostile list cannot make the verifier
 * try thousands of signatures.
 *
 * @param v1  the HMAC-SHA256 values, in the order sent
 * @param v1a the Ed25519 signatures, in the order sent
 */
record SignatureList(List<byte[]> v1, List<byte[]> v1a) {

    static final int MAX_ENTRIES = 10;
    static final int MAX_CHARS = 2048;

    /** The decoded list, or empty if the value is malformed. Never throws. */
    static Optional<SignatureList> parse(String value) {
        if (value.length() > MAX_CHARS) {
            return Optional.empty();
        }
        List<byte[]> v1 = new ArrayList<>();
        List<byte[]> v1a = new ArrayList<>();
        int entries = 0;
        for (String entry : value.split(" ")) {
            if (entry.isEmpty()) {
                continue; // several spaces between entries, or around the list
            }
            if (++entries > MAX_ENTRIES) {
                return Optional.empty();
            }
            int comma = entry.indexOf(',');
            if (comma <= 0) {
                return Optional.empty();
            }
            String version = entry.substring(0, comma);
            String encoded = entry.substring(comma + 1);
            switch (version) {
                case "v1" -> {
                    byte[] mac = decode(encoded, HmacSha256Key.MAC_BYTES);
                    if (mac == null) {
                        return Optional.empty();
                    }
                    v1.add(mac);
                }
                case "v1a" -> {
                    byte[] signature = decode(encoded, Ed25519.SIGNATURE_BYTES);
                    if (signature == null) {
                        return Optional.empty();
                    }
                    v1a.add(signature);
                }
                default -> {
                    // another scheme: not ours to judge
                }
            }
        }
        return Optional.of(new SignatureList(List.copyOf(v1), List.copyOf(v1a)));
    }

    /** Whether no entry is one this module verifies. */
    boolean isEmpty() {
        return v1.isEmpty() && v1a.isEmpty();
    }

    private static byte[] decode(String text, int byteCount) {
        byte[] bytes = CanonicalBase64.decodePadded(text);
        return bytes != null && bytes.length == byteCount ? bytes : null;
    }
}
