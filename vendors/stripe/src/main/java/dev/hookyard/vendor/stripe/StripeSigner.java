package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a body as Stripe does: {@code Stripe-Signature: t=<now>,v1=<hex>}, the lower-case hex HMAC-SHA256 of
 * {@code <now>.<body>} keyed with the secret's UTF-8 bytes, {@code now} in Unix seconds from the endpoint's clock.
 * Stripe adds a {@code v0} value in test mode only, which no receiver checks; this signer leaves it out.
 */
final class StripeSigner implements Signer {

    private final Clock clock;

    StripeSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] mac = new HmacSha256Key(secret).mac((timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
        return Map.of(StripeSignatureVerifier.HEADER, "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac));
    }
}
