package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.HmacSha256Key;
import dev.hookyard.vendor.support.OneHeader;
import dev.hookyard.vendor.support.TimestampTolerance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Verifies Stripe's {@code Stripe-Signature} against every secret of the endpoint's keyring (any match verifies, so a
 * rolled secret and its successor can both be listed): a {@code v1} value must be the HMAC-SHA256 of
 * {@code <t>.<raw body>}, keyed with the whole {@code whsec_...} secret's UTF-8 bytes (Stripe does not decode it),
 * compared as decoded bytes with {@link MessageDigest#isEqual}. Only a genuine signature has its timestamp checked
 * against the tolerance, so {@link RejectionReason#STALE_TIMESTAMP} and {@link RejectionReason#FUTURE_TIMESTAMP}
 * always mean "genuine, but replayed or from a wrong clock", never a forgery.
 *
 * <p>Never throws, and rejection details name only the header and what was wrong with it: never a secret, an
 * expected MAC, or the presented value. Thread-safe.
 */
final class StripeSignatureVerifier implements Verifier {

    static final String HEADER = "Stripe-Signature";

    private final List<HmacSha256Key> keys;
    private final TimestampTolerance tolerance;
    private final Clock clock;

    StripeSignatureVerifier(Keyring keyring, TimestampTolerance tolerance, Clock clock) {
        this.keys = keyring.secrets().stream().map(HmacSha256Key::new).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active secret");
        }
        OneHeader header = OneHeader.read(delivery.headers(), HEADER);
        if (header instanceof OneHeader.Refused refused) {
            return refused.verification();
        }
        StripeSignatureHeader.Parsed parsed = StripeSignatureHeader.parse(((OneHeader.Present) header).value());
        if (parsed instanceof StripeSignatureHeader.Unreadable unreadable) {
            return Verification.rejected(RejectionReason.MALFORMED, HEADER + " " + unreadable.problem().text());
        }
        StripeSignatureHeader signature = ((StripeSignatureHeader.Readable) parsed).header();
        if (!matches(signature, delivery.body())) {
            return Verification.rejected(RejectionReason.MISMATCH, HEADER + " matches no active secret");
        }
        Optional<Verification> outOfTolerance = tolerance.check(signature.signedSecond(), clock.instant(),
                HEADER + " timestamp");
        return outOfTolerance.orElse(Verification.verified(HEADER + " v1"));
    }

    private boolean matches(StripeSignatureHeader signature, byte[] body) {
        byte[] signedPrefix = (signature.timestamp() + ".").getBytes(StandardCharsets.US_ASCII);
        for (HmacSha256Key key : keys) {
            byte[] expected = key.mac(signedPrefix, body);
            for (byte[] presented : signature.v1()) {
                if (MessageDigest.isEqual(expected, presented)) {
                    return true;
                }
            }
        }
        return false;
    }
}
