package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.InvalidOptionException;

import java.nio.charset.StandardCharsets;

/**
 * What is signed when a platform signs a timestamp with the body: a template with {@code {timestamp}} and
 * {@code {body}} exactly once each, and literal text around them, e.g. {@code {timestamp}.{body}} (Stripe's style,
 * the default) or {@code v0:{timestamp}:{body}} (Slack's). The timestamp is put in as the header's text, the body as
 * its raw bytes.
 *
 * @param before         the literal text before the first placeholder
 * @param timestampFirst whether {@code {timestamp}} comes before {@code {body}}
 * @param between        the literal text between the two
 * @param after          the literal text after the second
 */
record SignedContent(String before, boolean timestampFirst, String between, String after) {

    static final String TIMESTAMP = "{timestamp}";
    static final String BODY = "{body}";
    static final String DEFAULT_TEMPLATE = TIMESTAMP + "." + BODY;

    private static final int MAX_LITERAL_CHARS = 100;

    /**
     * Reads a template.
     *
     * @throws InvalidOptionException naming {@code key} unless it holds each placeholder exactly once, and nothing
     *                                else but printable ASCII without braces
     */
    static SignedContent parse(String key, String template) {
        int timestamp = template.indexOf(TIMESTAMP);
        int body = template.indexOf(BODY);
        if (timestamp < 0 || body < 0 || template.indexOf(TIMESTAMP, timestamp + 1) >= 0
                || template.indexOf(BODY, body + 1) >= 0) {
            throw new InvalidOptionException(key, "must contain " + TIMESTAMP + " and " + BODY + " exactly once each"
                    + " (a timestamp that is not signed could be changed by anyone)",
                    "write e.g. " + key + ": \"" + DEFAULT_TEMPLATE + "\"");
        }
        boolean timestampFirst = timestamp < body;
        int first = Math.min(timestamp, body);
        int second = Math.max(timestamp, body);
        int firstEnd = first + (timestampFirst ? TIMESTAMP : BODY).length();
        int secondEnd = second + (timestampFirst ? BODY : TIMESTAMP).length();
        SignedContent content = new SignedContent(template.substring(0, first), timestampFirst,
                template.substring(firstEnd, second), template.substring(secondEnd));
        for (String literal : new String[] {content.before, content.between, content.after}) {
            if (!isLiteral(literal)) {
                throw new InvalidOptionException(key, "may hold, besides " + TIMESTAMP + " and " + BODY + ", only up"
                        + " to " + MAX_LITERAL_CHARS + " printable ASCII characters without { or } between them",
                        "write e.g. " + key + ": \"" + DEFAULT_TEMPLATE + "\"");
            }
        }
        return content;
    }

    /** The bytes to sign: the literals as ASCII, the timestamp's text, the body as it is. */
    byte[] of(String timestamp, byte[] body) {
        byte[] stamp = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[][] parts = timestampFirst
                ? new byte[][] {ascii(before), stamp, ascii(between), body, ascii(after)}
                : new byte[][] {ascii(before), body, ascii(between), stamp, ascii(after)};
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] content = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, content, at, part.length);
            at += part.length;
        }
        return content;
    }

    private static byte[] ascii(String literal) {
        return literal.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isLiteral(String text) {
        if (text.length() > MAX_LITERAL_CHARS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '{' || c == '}') {
                return false;
            }
        }
        return true;
    }
}
