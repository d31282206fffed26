package ${package};

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import dev.hookyard.vendor.support.AsciiHex;
import dev.hookyard.vendor.support.HmacSha256Key;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks {@value #HEADER}: {@code sha256=} and the hex HMAC-SHA256 of the raw body, against every secret of the
 * endpoint (several while one is rotated). Runs before anything reads the body, on hostile input: it never throws,
 * compares in constant time, and its details never show a secret, an expected MAC or the presented value.
 */
final class ${classPrefix}Verifier implements Verifier {

    static final String HEADER = "Webhook-Signature";
    static final String PREFIX = "sha256=";

    private final List<HmacSha256Key> keys;

    ${classPrefix}Verifier(Keyring keyring) {
        this.keys = keyring.secrets().stream().map(HmacSha256Key::new).toList();
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (keys.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no secret");
        }
        List<String> values = delivery.headers().all(HEADER);
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, "no " + HEADER + " header");
        }
        if (values.size() > 1) {
            return Verification.rejected(RejectionReason.AMBIGUOUS, HEADER + " is present more than once");
        }
        String value = values.get(0);
        byte[] presented = value.startsWith(PREFIX)
                ? AsciiHex.decode(value.substring(PREFIX.length()), HmacSha256Key.MAC_BYTES) : null;
        if (presented == null) {
            return Verification.rejected(RejectionReason.MALFORMED, HEADER + " is not " + PREFIX + "<64 hex digits>");
        }
        byte[] body = delivery.body();
        for (HmacSha256Key key : keys) {
            if (MessageDigest.isEqual(key.mac(body), presented)) {
                return Verification.verified(HEADER);
            }
        }
        return Verification.rejected(RejectionReason.MISMATCH, HEADER + " matches no secret");
    }
}
