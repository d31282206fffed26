package dev.hookyard.vendor.acme;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Verification;
import dev.hookyard.vendor.support.HmacSha256Key;
import dev.hookyard.vendor.support.OneHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

// tag::signature[]
/** {@code X-Acme-Signature: sha256=<hex HMAC-SHA256 of the body>}, keyed with the endpoint's secret. */
final class AcmeSignature {

    static final String HEADER = "X-Acme-Signature";
    private static final String PREFIX = "sha256=";

    private final List<HmacSha256Key> keys;

    AcmeSignature(Keyring keyring) {
        this.keys = keyring.secrets().stream().map(HmacSha256Key::new).toList();
    }

    Verification verify(Delivery delivery) {
        OneHeader header = OneHeader.read(delivery.headers(), HEADER);
        if (header instanceof OneHeader.Refused refused) {
            return refused.verification();
        }
        byte[] presented = ((OneHeader.Present) header).value().getBytes(StandardCharsets.US_ASCII);
        for (HmacSha256Key key : keys) {
            byte[] expected = (PREFIX + HexFormat.of().formatHex(key.mac(delivery.body())))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented)) { // constant time
                return Verification.verified(HEADER);
            }
        }
        return Verification.rejected(RejectionReason.MISMATCH, HEADER + " matches no active secret");
    }

    static Map<String, String> sign(byte[] body, Secret secret) {
        return Map.of(HEADER, PREFIX + HexFormat.of().formatHex(new HmacSha256Key(secret).mac(body)));
    }
}
// end::signature[]
