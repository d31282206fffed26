package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a body as Falkor does: {@code <Platform>-Webhook-Signature: sha256=<lowercase hex HMAC-SHA256>}, keyed with
 * the secret's UTF-8 bytes. The header is the endpoint's configured platform's, or {@code Falkor-Webhook-Signature}
 * on an unconfigured endpoint, so everything signed for an endpoint verifies there.
 */
final class FalkorSigner implements Signer {

    private final String header;

    FalkorSigner(SignatureHeaderName headerName) {
        this.header = headerName.signingHeader();
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        return Map.of(header, HexSignature.PREFIX + HexFormat.of().formatHex(new HmacSha256Key(secret).mac(body)));
    }
}
