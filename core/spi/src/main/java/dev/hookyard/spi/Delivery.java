package dev.hookyard.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One HTTP request as it arrived at an endpoint: the raw body bytes exactly as sent (verification must run on
 * these, never on re-serialized JSON), the headers, and when it was received.
 *
 * <p>Immutable: the body is copied in and {@link #body()} returns a copy.
 *
 * @param endpoint   the configured endpoint name it arrived at
 * @param headers    the request headers
 * @param body       the raw body bytes
 * @param receivedAt when the host received it
 */
public record Delivery(String endpoint, Headers headers, byte[] body, Instant receivedAt) {

    public Delivery {
        Checks.notBlank(endpoint, "endpoint");
        Checks.notNull(headers, "headers");
        body = Checks.notNull(body, "body").clone();
        Checks.notNull(receivedAt, "receivedAt");
    }

    /** A copy of the raw body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body length in bytes, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8 (vendors in scope all send UTF-8 JSON). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Lower-case hex SHA-256 of the raw body: the delivery key for vendors that send no delivery id, so that a
     * vendor's retry of the same body is recognised as a duplicate.
     */
    public String bodySha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Delivery d
                && d.endpoint.equals(endpoint)
                && d.headers.equals(headers)
                && Arrays.equals(d.body, body)
                && d.receivedAt.equals(receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, headers, Arrays.hashCode(body), receivedAt);
    }

    /** No body and no header values: both may carry personal data or credentials. */
    @Override
    public String toString() {
        return "Delivery[endpoint=" + endpoint + ", headers=" + headers + ", bodyLength=" + body.length
                + ", receivedAt=" + receivedAt + "]";
    }
}
