package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.Secret;
import dev.hookyard.vendor.support.HmacSha256Key;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * One secret of an endpoint's keyring (or given to the signer), as the Standard Webhooks serialization says what it
 * is: {@code whsec_} and base64 is a symmetric key for {@code v1} signatures (HMAC-SHA256 keyed with the decoded
 * bytes, not with the text); {@code whpk_} and base64 an Ed25519 public key, which verifies {@code v1a} signatures;
 * {@code whsk_} and base64 an Ed25519 secret key (its 32-byte seed), which signs them and, through its public half,
 * verifies them. As in the specification's own libraries, a symmetric key may also be given as the bare base64.
 */
sealed interface WebhookKey {

    String SYMMETRIC_PREFIX = "whsec_";
    String PUBLIC_PREFIX = "whpk_";
    String SECRET_PREFIX = "whsk_";

    /**
     * The key a secret's text serializes.
     *
     * @throws IllegalArgumentException with a fixed message that never quotes the secret, if the text is none of the
     *                                  three serializations
     */
    static WebhookKey parse(Secret secret) {
        String text = secret.reveal();
        try {
            if (text.startsWith(PUBLIC_PREFIX)) {
                return new Ed25519Public(Ed25519.publicKey(decode(text.substring(PUBLIC_PREFIX.length()))));
            }
            if (text.startsWith(SECRET_PREFIX)) {
                KeyPair pair = Ed25519.keyPair(decode(text.substring(SECRET_PREFIX.length())));
                return new Ed25519Secret(pair.getPrivate(), pair.getPublic());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("starts with " + text.substring(0, text.indexOf('_') + 1)
                    + " but is not the base64 of a " + Ed25519.KEY_BYTES + "-byte Ed25519 key");
        }
        String encoded = text.startsWith(SYMMETRIC_PREFIX) ? text.substring(SYMMETRIC_PREFIX.length()) : text;
        byte[] key;
        try {
            key = decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not whsec_ followed by base64 (nor whpk_ or whsk_ and an Ed25519"
                    + " key)");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("is an empty whsec_ key");
        }
        return new Hmac(HmacSha256Key.ofRawKey(key));
    }

    /** Standard base64, padding optional, as the specification's libraries decode keys. */
    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** The HMAC key this verifies {@code v1} signatures with, if it is a {@code whsec_} key. */
    default Optional<HmacSha256Key> v1Key() {
        return Optional.empty();
    }

    /** The public key this verifies {@code v1a} signatures with, if it is an Ed25519 key. */
    default Optional<PublicKey> v1aKey() {
        return Optional.empty();
    }

    /**
     * This key's signature of {@code prefix} followed by {@code body}, as one {@code webhook-signature} entry
     * ({@code v1,<base64>} or {@code v1a,<base64>}).
     *
     * @throws IllegalArgumentException for a public key, which cannot sign
     */
    String signature(byte[] prefix, byte[] body);

    /** A {@code whsec_} key: signs and verifies {@code v1}. */
    record Hmac(HmacSha256Key key) implements WebhookKey {

        @Override
        public Optional<HmacSha256Key> v1Key() {
            return Optional.of(key);
        }

        @Override
        public String signature(byte[] prefix, byte[] body) {
            return "v1," + Base64.getEncoder().encodeToString(key.mac(prefix, body));
        }
    }

    /** A {@code whpk_} key: verifies {@code v1a} only. */
    record Ed25519Public(PublicKey key) implements WebhookKey {

        @Override
        public Optional<PublicKey> v1aKey() {
            return Optional.of(key);
        }

        @Override
        public String signature(byte[] prefix, byte[] body) {
            throw new IllegalArgumentException("a whpk_ public key verifies v1a signatures but cannot make them:"
                    + " sign with the sender's whsk_ secret key");
        }
    }

    /** A {@code whsk_} key: signs {@code v1a}, and verifies it with its public half. */
    record Ed25519Secret(PrivateKey privateKey, PublicKey publicKey) implements WebhookKey {

        @Override
        public Optional<PublicKey> v1aKey() {
            return Optional.of(publicKey);
        }

        @Override
        public String signature(byte[] prefix, byte[] body) {
            try {
                return "v1a," + Base64.getEncoder().encodeToString(Ed25519.sign(privateKey, prefix, body));
            } catch (GeneralSecurityException e) {
                // The key was built and checked by the same provider; Ed25519 signs any message with it.
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }
    }
}
