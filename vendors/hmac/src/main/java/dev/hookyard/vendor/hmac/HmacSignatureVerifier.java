package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.HmacKey;
import dev.hookyard.vendor.support.UnixSeconds;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Verifies the configured signature header: the HMAC, under one of the endpoint's active secrets (any match
 * verifies, so secrets can be rotated), of the raw body or, with a {@code timestampHeader}, of the signed content
 * built from the timestamp as sent and the raw body. The value is read by the endpoint's
 * {@link dev.hookyard.vendor.support.MacFormat} and compared as decoded bytes with {@link MessageDigest#isEqual}.
 *
 * <p>A signed timestamp is checked after the MAC, against the injected clock: a genuine delivery whose timestamp lies
 * outside the tolerance is {@link RejectionReason#STALE_TIMESTAMP} (possibly a captured delivery sent again) or
 * {@link RejectionReason#FUTURE_TIMESTAMP}; a forged one is a {@link RejectionReason#MISMATCH} whatever its time.
 * Either header sent twice is {@link RejectionReason#AMBIGUOUS}.
 *
 * <p>Never throws, and rejection details name only the header and what was wrong with it: never a secret, an
 * expected MAC, or the presented value. Thread-safe.
 */
final class HmacSignatureVerifier implements Verifier {

    private final HmacSettings settings;
    private final List<HmacKey> keys;
    private final Clock clock;

    HmacSignatureVerifier(HmacSettings settings, Keyring keyring, Clock clock) {
        this.settings = settings;
        this.keys = keyring.secrets().stream().map(Secret::utf8)
                .map(key -> new HmacKey(settings.algorithm(), key)).toList();
        this.clock = clock;
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active secret");
        }
        String header = settings.header();
        Optional<Verification> signatureProblem = notExactlyOne(delivery.headers(), header);
        if (signatureProblem.isPresent()) {
            return signatureProblem.get();
        }
        byte[] presented = settings.format().decode(delivery.headers().all(header).get(0));
        if (presented == null) {
            return Verification.rejected(RejectionReason.MALFORMED, header + " is not " + settings.format().describe());
        }
        Timestamping timestamping = settings.timestamping();
        if (timestamping == null) {
            return matches(delivery.body(), presented) ? Verification.verified(header)
                    : Verification.rejected(RejectionReason.MISMATCH, header + " matches no active secret");
        }
        return verifyTimestamped(delivery, presented, timestamping);
    }

    private Verification verifyTimestamped(Delivery delivery, byte[] presented, Timestamping timestamping) {
        String header = timestamping.header();
        Optional<Verification> timestampProblem = notExactlyOne(delivery.headers(), header);
        if (timestampProblem.isPresent()) {
            return timestampProblem.get();
        }
        // Signed as sent, so read as sent: digits only, nothing around them.
        String timestamp = delivery.headers().all(header).get(0);
        OptionalLong signedAt = UnixSeconds.parse(timestamp);
        if (signedAt.isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED, header + " is not whole seconds since the Unix"
                    + " epoch (1 to " + UnixSeconds.MAX_DIGITS + " digits)");
        }
        if (!matches(timestamping.content().of(timestamp, delivery.body()), presented)) {
            return Verification.rejected(RejectionReason.MISMATCH, settings.header() + " matches no active secret");
        }
        Optional<Verification> outside = timestamping.tolerance().check(signedAt.getAsLong(), clock.instant(), header);
        return outside.orElseGet(() -> Verification.verified(settings.header()));
    }

    private boolean matches(byte[] signed, byte[] presented) {
        for (HmacKey key : keys) {
            if (MessageDigest.isEqual(key.mac(signed), presented)) {
                return true;
            }
        }
        return false;
    }

    /** Empty when the header has exactly one value, not blank; otherwise why it is refused. */
    private static Optional<Verification> notExactlyOne(Headers headers, String name) {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            return Optional.of(Verification.rejected(RejectionReason.MISSING, "no " + name + " header"));
        }
        if (values.size() > 1) {
            return Optional.of(Verification.rejected(RejectionReason.AMBIGUOUS,
                    name + " is present " + values.size() + " times; exactly one is allowed"));
        }
        if (values.get(0).isBlank()) {
            return Optional.of(Verification.rejected(RejectionReason.MISSING, name + " is empty"));
        }
        return Optional.empty();
    }
}
