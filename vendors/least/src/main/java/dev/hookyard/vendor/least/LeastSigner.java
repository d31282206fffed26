package dev.hookyard.vendor.least;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacSha256Key;
import dev.hookyard.vendor.support.StrictJson;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs a body as LEAST does: {@code sha256=} followed by the lowercase hex HMAC-SHA256 of the body, keyed with the
 * secret's UTF-8 bytes, in one header.
 *
 * <p>Which header: the {@link Signer} contract gives only the body and the secret, so the choice comes from the
 * endpoint's channel and, on channel {@code any}, from the body's {@code event} name: Workflow and LMS rule events
 * are signed in {@code X-WF-Signature}, everything else (Collection API events, unknown names, bodies that are not
 * JSON) in {@code X-LEAST-Signature}. On a {@code collection} or {@code workflow} endpoint the endpoint's own header
 * is always used, so every body signed for an endpoint verifies at that endpoint.
 */
final class LeastSigner implements Signer {

    private final LeastChannel channel;

    LeastSigner(LeastChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        String header = channel == LeastChannel.ANY
                ? channel.signingHeader(eventName(body).orElse(null))
                : channel.signingHeader(null);
        String mac = HexFormat.of().formatHex(new HmacSha256Key(secret).mac(body));
        return Map.of(header, "sha256=" + mac);
    }

    /** The top-level {@code event} string, if the body is a JSON object that has one. */
    private static Optional<String> eventName(byte[] body) {
        try {
            JsonNode event = StrictJson.EXACT_DECIMALS.read(body).path("event");
            return event.isTextual() ? Optional.of(event.textValue()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
