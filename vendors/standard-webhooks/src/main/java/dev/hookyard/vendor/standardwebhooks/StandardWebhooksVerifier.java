package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.HmacSha256Key;
import dev.hookyard.vendor.support.OneHeader;
import dev.hookyard.vendor.support.TimestampTolerance;
import dev.hookyard.vendor.support.UnixSeconds;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Verifies a Standard Webhooks delivery against every key of the endpoint's keyring (any match verifies, so keys can
 * be rotated): the three headers must each be sent once; the signed content is {@code id.timestamp.body} over the
 * raw body; a {@code v1} signature must be the HMAC-SHA256 of it under a {@code whsec_} key (compared as decoded
 * bytes with {@link MessageDigest#isEqual}), a {@code v1a} signature an Ed25519 signature of it under a
 * {@code whpk_} (or {@code whsk_}) key. Only a genuine signature has its timestamp checked against the tolerance, so
 * {@link RejectionReason#STALE_TIMESTAMP} and {@link RejectionReason#FUTURE_TIMESTAMP} always mean "genuine, but
 * replayed or from a wrong clock", never a forgery.
 *
 * <p>Never throws, and rejection details name only a header and what was wrong with it: never a key, an expected
 * MAC, or a presented value. Thread-safe.
 */
final class StandardWebhooksVerifier implements Verifier {

    private final HeaderPrefix prefix;
    private final List<HmacSha256Key> macKeys;
    private final List<PublicKey> publicKeys;
    private final TimestampTolerance tolerance;
    private final Clock clock;

    /**
     * @param keys      the endpoint's keys, parsed from its keyring
     * @param tolerance how far the signed timestamp may lie from the clock's time
     * @param clock     the endpoint's clock
     */
    StandardWebhooksVerifier(HeaderPrefix prefix, List<WebhookKey> keys, TimestampTolerance tolerance, Clock clock) {
        this.prefix = prefix;
        this.macKeys = keys.stream().flatMap(key -> key.v1Key().stream()).toList();
        this.publicKeys = keys.stream().flatMap(key -> key.v1aKey().stream()).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (macKeys.isEmpty() && publicKeys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active secret");
        }
        OneHeader id = MessageId.read(delivery.headers(), prefix);
        if (id instanceof OneHeader.Refused refused) {
            return refused.verification();
        }
        String timestampHeader = prefix.timestampHeader();
        OneHeader timestamp = OneHeader.read(delivery.headers(), timestampHeader);
        if (timestamp instanceof OneHeader.Refused refused) {
            return refused.verification();
        }
        String timestampText = ((OneHeader.Present) timestamp).value();
        OptionalLong signedSecond = UnixSeconds.parse(timestampText);
        if (signedSecond.isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED, timestampHeader
                    + " is not a Unix time in seconds (1 to " + UnixSeconds.MAX_DIGITS + " digits)");
        }
        String signatureHeader = prefix.signatureHeader();
        OneHeader signature = OneHeader.read(delivery.headers(), signatureHeader);
        if (signature instanceof OneHeader.Refused refused) {
            return refused.verification();
        }
        Optional<SignatureList> signatures = SignatureList.parse(((OneHeader.Present) signature).value());
        if (signatures.isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED, signatureHeader + " is not a list of at most "
                    + SignatureList.MAX_ENTRIES + " space-separated signatures, each v1, or v1a, a comma and the"
                    + " padded base64 of 32 (v1) or 64 (v1a) bytes");
        }
        if (signatures.get().isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED, signatureHeader + " has no v1 or v1a signature");
        }
        byte[] signedPrefix = SignedContent.prefix(((OneHeader.Present) id).value(), timestampText);
        byte[] body = delivery.body();
        Optional<String> scheme = matchingScheme(signatures.get(), signedPrefix, body);
        if (scheme.isEmpty()) {
            return Verification.rejected(RejectionReason.MISMATCH, signatureHeader + " matches no active secret"
                    + missingKindHint(signatures.get()));
        }
        Optional<Verification> outOfTolerance = tolerance.check(signedSecond.getAsLong(), clock.instant(),
                timestampHeader);
        return outOfTolerance.orElse(Verification.verified(signatureHeader + " " + scheme.get()));
    }

    /** {@code v1} or {@code v1a}, whichever signature an active key made first, or empty if none. */
    private Optional<String> matchingScheme(SignatureList signatures, byte[] signedPrefix, byte[] body) {
        if (!signatures.v1().isEmpty()) {
            for (HmacSha256Key key : macKeys) {
                byte[] expected = key.mac(signedPrefix, body);
                for (byte[] presented : signatures.v1()) {
                    if (MessageDigest.isEqual(expected, presented)) {
                        return Optional.of("v1");
                    }
                }
            }
        }
        for (PublicKey key : publicKeys) {
            for (byte[] presented : signatures.v1a()) {
                if (Ed25519.verifies(key, signedPrefix, body, presented)) {
                    return Optional.of("v1a");
                }
            }
        }
        return Optional.empty();
    }

    /** Why nothing could match when the signatures and the keyring are of different kinds (an easy setup mistake). */
    private String missingKindHint(SignatureList signatures) {
        if (signatures.v1a().isEmpty() && macKeys.isEmpty()) {
            return " (it has v1 signatures only, and the endpoint has no whsec_ secret)";
        }
        if (signatures.v1().isEmpty() && publicKeys.isEmpty()) {
            return " (it has v1a signatures only, and the endpoint has no whpk_ public key)";
        }
        return "";
    }
}
