package dev.hookyard.vendor.standardwebhooks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) with the JDK's own implementation, for {@code v1a} signatures. Standard Webhooks serializes keys
 * as their raw bytes: a public key is the 32-byte encoded point, a secret key the 32-byte seed. The JDK reads public
 * keys only inside an X.509 {@code SubjectPublicKeyInfo}, so the raw key is wrapped in that fixed DER header.
 */
final class Ed25519 {

    static final int KEY_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    private static final String ALGORITHM = "Ed25519";
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, no unused bits) }, then the 32 key bytes. */
    private static final byte[] SUBJECT_PUBLIC_KEY_INFO_HEADER = {
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {
    }

    /** The public key with this raw encoding. */
    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != KEY_BYTES) {
            throw new GeneralSecurityException("an Ed25519 public key is " + KEY_BYTES + " bytes");
        }
        byte[] der = Arrays.copyOf(SUBJECT_PUBLIC_KEY_INFO_HEADER, SUBJECT_PUBLIC_KEY_INFO_HEADER.length + KEY_BYTES);
        System.arraycopy(raw, 0, der, SUBJECT_PUBLIC_KEY_INFO_HEADER.length, KEY_BYTES);
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    }

    /**
     * The key pair of this 32-byte seed. The JDK (17) has no call that derives the public key from a private one, but
     * its key pair generator draws exactly the seed from the random source it is given; the pair it returns is
     * checked to hold this very seed, so a provider that draws differently fails here instead of signing with another
     * key.
     */
    static KeyPair keyPair(byte[] seed) throws GeneralSecurityException {
        if (seed.length != KEY_BYTES) {
            throw new GeneralSecurityException("an Ed25519 seed is " + KEY_BYTES + " bytes");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
        KeyPair pair = generator.generateKeyPair();
        byte[] drawn = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the Ed25519 private key does not expose its seed"));
        if (!Arrays.equals(drawn, seed)) {
            throw new GeneralSecurityException("the Ed25519 key pair generator did not use the given seed");
        }
        return pair;
    }

    /** The 64-byte signature of {@code prefix} followed by {@code body}. */
    static byte[] sign(PrivateKey key, byte[] prefix, byte[] body) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(prefix);
        signature.update(body);
        return signature.sign();
    }

    /** Whether {@code signature} is this key's signature of {@code prefix} followed by {@code body}. Never throws. */
    static boolean verifies(PublicKey key, byte[] prefix, byte[] body, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(prefix);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A signature that does not decode (a point not on the curve, S out of range) verifies nothing.
            return false;
        }
    }

    /** A "random" source that yields the seed: how the JDK's generator is made to build the pair of a known seed. */
    private static final class SeedSource extends SecureRandom {

        private static final long serialVersionUID = 1L;

        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the generator asked for " + bytes.length + " bytes, not the seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
