package dev.hookyard.vendor.leah;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;

import java.util.Map;
import java.util.Objects;

/**
 * Produces the {@code Authorization} header Leah sends: {@code Basic base64(user:password)} for a {@code user:password}
 * secret on an endpoint that accepts Basic, otherwise {@code Bearer <secret>}. On a {@code basic} endpoint it is
 * always Basic and on a {@code bearer} endpoint always Bearer, so whatever is signed for an endpoint is in the scheme
 * that endpoint accepts.
 *
 * <p>The header does not depend on the body: Leah authenticates with a static credential, not a MAC.
 */
final class LeahSigner implements Signer {

    private final CredentialScheme scheme;

    LeahSigner(CredentialScheme scheme) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        String credential = secret.reveal();
        boolean basic = scheme == CredentialScheme.BASIC
                || scheme == CredentialScheme.EITHER && BasicCredentials.isUserPassword(credential);
        String value = basic
                ? AuthorizationHeaderVerifier.BASIC + " " + BasicCredentials.encode(credential)
                : AuthorizationHeaderVerifier.BEARER + " " + credential;
        return Map.of(AuthorizationHeaderVerifier.HEADER, value);
    }
}
