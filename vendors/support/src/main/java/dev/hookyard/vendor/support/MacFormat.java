package dev.hookyard.vendor.support;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a platform writes a MAC in a header value: a fixed prefix ({@code sha256=}, {@code v1=}, or none), then the
 * MAC bytes in an {@link MacEncoding}.
 *
 * <p>Read leniently where senders differ harmlessly: spaces and tabs around the value, the prefix in any ASCII case,
 * hex in any case, base64 with or without padding. Strict everywhere else, so that a MAC has one reading only: the
 * prefix is required, and what follows it must be exactly the encoding of {@code macBytes} bytes (canonical base64,
 * ASCII hex digits), with nothing before, between or after.
 *
 * @param prefix   the text before the encoded MAC, possibly empty
 * @param encoding how the MAC bytes are written
 * @param macBytes how many bytes a MAC has (see {@link HmacAlgorithm#macBytes()})
 */
public record MacFormat(String prefix, MacEncoding encoding, int macBytes) {

    public MacFormat {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(encoding, "encoding");
        if (macBytes < 1) {
            throw new IllegalArgumentException("a MAC has at least one byte");
        }
    }

    /** The MAC bytes {@code value} carries, or {@code null} if it is not of this format. Never throws. */
    public byte[] decode(String value) {
        String text = trimSpacesAndTabs(value);
        if (!AsciiCase.startsWithIgnoreCase(text, prefix)) {
            return null;
        }
        String encoded = text.substring(prefix.length());
        return switch (encoding) {
            case HEX -> AsciiHex.decode(encoded, macBytes);
            case BASE64 -> CanonicalBase64.decode(encoded, macBytes);
        };
    }

    /** The header value for {@code mac} as a genuine sender writes it: the prefix, then lower-case hex or padded base64. */
    public String encode(byte[] mac) {
        return prefix + switch (encoding) {
            case HEX -> HexFormat.of().formatHex(mac);
            case BASE64 -> Base64.getEncoder().encodeToString(mac);
        };
    }

    /** For rejection details: what a value must look like, e.g. {@code sha256= followed by 64 hex digits}. */
    public String describe() {
        String mac = switch (encoding) {
            case HEX -> 2 * macBytes + " hex digits";
            case BASE64 -> "the base64 of " + macBytes + " bytes";
        };
        return prefix.isEmpty() ? mac : prefix + " followed by " + mac;
    }

    /** Strips spaces and tabs (HTTP's optional whitespace) from both ends; no other character. */
    private static String trimSpacesAndTabs(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }
}
