package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a body as LeafLink does: one {@code LL-Signature} header holding the standard base64 (with {@code =}
 * padding, no line break) of HMAC-SHA256 of the body, keyed with the company webhook key's UTF-8 bytes.
 */
final class LeafLinkSigner implements Signer {

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        String signature = Base64.getEncoder().encodeToString(new HmacSha256Key(secret).mac(body));
        return Map.of(LeafLinkSignatureVerifier.HEADER, signature);
    }
}
