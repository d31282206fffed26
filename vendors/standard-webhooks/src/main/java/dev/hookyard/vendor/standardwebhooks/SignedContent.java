package dev.hookyard.vendor.standardwebhooks;

import java.nio.charset.StandardCharsets;

/**
 * What Standard Webhooks signs: {@code {id}.{timestamp}.{body}}, the id and the timestamp exactly as they are sent in
 * their headers and the body's raw bytes. Only the prefix is built here; the body is fed to the MAC or signature after
 * it, never copied.
 */
final class SignedContent {

    private SignedContent() {
    }

    /** {@code id.timestamp.} as bytes; both are printable ASCII once read (see {@link MessageId}). */
    static byte[] prefix(String id, String timestamp) {
        return (id + "." + timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    }
}
