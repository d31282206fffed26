package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.Headers;

import java.util.List;
import java.util.Locale;

/**
 * Which request header carries the signature at one endpoint. Falkor is sold under white labels, and each label
 * signs in {@code <Platform Name>-Webhook-Signature} ({@code Falkor-Webhook-Signature},
 * {@code ByteKast-Webhook-Signature}, ...). An endpoint configured with a platform looks only at that platform's
 * header; an unconfigured one takes any header of that shape, so that it works without knowing the label, and the
 * verifier then insists on exactly one.
 *
 * <p>A platform name is 1 to {@value #MAX_PLATFORM_LENGTH} ASCII letters and digits, with {@code -}, {@code _} or
 * {@code .} allowed between them: characters valid in an HTTP header name (RFC 9110 token) and safe to print in a
 * log line, which matters because rejection details name the header. Header names are compared ignoring ASCII
 * case, as HTTP requires.
 */
final class SignatureHeaderName {

    /** The header suffix every white label shares. */
    static final String SUFFIX = "-Webhook-Signature";

    /** The label whose header the signer uses when no platform is configured: the product's own name. */
    static final String DEFAULT_PLATFORM = "Falkor";

    static final int MAX_PLATFORM_LENGTH = 64;

    private static final String SUFFIX_LOWER = SUFFIX.toLowerCase(Locale.ROOT);

    /** The configured header as the platform spells it, or {@code null} on an unconfigured endpoint. */
    private final String configured;

    private SignatureHeaderName(String configured) {
        this.configured = configured;
    }

    /** Only {@code <platform>-Webhook-Signature}; the platform must be {@linkplain #isPlatformName valid}. */
    static SignatureHeaderName forPlatform(String platform) {
        if (!isPlatformName(platform)) {
            throw new IllegalArgumentException("not a valid platform name");
        }
        return new SignatureHeaderName(platform + SUFFIX);
    }

    /** Any {@code <platform>-Webhook-Signature}, whatever the platform. */
    static SignatureHeaderName anyPlatform() {
        return new SignatureHeaderName(null);
    }

    /** Whether {@code text} is a usable platform name (see the class comment). */
    static boolean isPlatformName(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_PLATFORM_LENGTH) {
            return false;
        }
        if (!isLetterOrDigit(text.charAt(0)) || !isLetterOrDigit(text.charAt(text.length() - 1))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** The names, as received, of the headers present that may carry the signature here. */
    List<String> candidates(Headers headers) {
        return headers.names().stream().filter(this::matches).toList();
    }

    /**
     * The name to report for a header that matched: the configured spelling on a configured endpoint (so logs and
     * metrics do not split by the sender's casing), else the name as received.
     */
    String canonical(String received) {
        return configured != null ? configured : received;
    }

    /** The header a genuine sender uses for this endpoint: the configured one, else Falkor's own. */
    String signingHeader() {
        return configured != null ? configured : DEFAULT_PLATFORM + SUFFIX;
    }

    /** The accepted header(s) for people, e.g. in a rejection detail. */
    String describe() {
        return configured != null ? configured : "<platform>" + SUFFIX;
    }

    private boolean matches(String name) {
        // ASCII only: HTTP header names are ASCII, and Java's case-insensitive comparisons also fold Unicode
        // (U+017F, long s, would equal 's'), which would let two different names count as one.
        if (!isAscii(name)) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (configured != null) {
            return lower.equals(configured.toLowerCase(Locale.ROOT));
        }
        return lower.endsWith(SUFFIX_LOWER) && isPlatformName(name.substring(0, name.length() - SUFFIX.length()));
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
