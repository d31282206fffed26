package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a body as Absorb does: the HMAC-SHA256 of the raw body, keyed with the secret's UTF-8 bytes, in
 * {@code absorb-signature} (spelled in lower case, as Absorb's documentation shows it).
 *
 * <p>Absorb does not document the encoding. This signer writes lower-case hex without a prefix: it is what the
 * "hash generator" tools Absorb's page refers its users to print by default, so it is what a user comparing
 * values by hand expects to see. The verifier accepts hex, base64 and base64url alike, so the choice only decides
 * how Hookyard's own samples look, never whether a real delivery verifies.
 */
final class AbsorbSigner implements Signer {

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        return Map.of(AbsorbSignatureVerifier.HEADER, HexFormat.of().formatHex(new HmacSha256Key(secret).mac(body)));
    }
}
