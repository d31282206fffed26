package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HmacKeyTest {

    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTHING = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    /** RFC 2202 test case 2 (SHA-1) and RFC 4231 test case 2 (SHA-256, SHA-512), checked with openssl dgst -hmac. */
    @ParameterizedTest
    @CsvSource({
            "SHA1, effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
            "SHA256, 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "SHA512, 164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
                    + "caeab1a34d4a6b4b636e070a38bce737"})
    void matchesThePublishedTestVectors(HmacAlgorithm algorithm, String expected) {
        HmacKey key = new HmacKey(algorithm, JEFE);

        byte[] mac = key.mac(NOTHING);

        assertEquals(expected, HexFormat.of().formatHex(mac));
        assertEquals(algorithm.macBytes(), mac.length);
        assertEquals(algorithm, key.algorithm());
    }

    @Test
    void theKeyBytesAreCopied() {
        byte[] bytes = JEFE.clone();
        HmacKey key = new HmacKey(HmacAlgorithm.SHA256, bytes);
        bytes[0] = 'X';

        assertArrayEquals(new HmacKey(HmacAlgorithm.SHA256, JEFE).mac(NOTHING), key.mac(NOTHING));
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HmacKey(HmacAlgorithm.SHA1, new byte[0]));
    }

    @Test
    void optionValuesAreTheLowerCaseNames() {
        assertEquals(List.of("sha1", "sha256", "sha512"), HmacAlgorithm.optionValues());
        assertEquals(Optional.of(HmacAlgorithm.SHA512), HmacAlgorithm.fromOption("sha512"));
        assertEquals(Optional.empty(), HmacAlgorithm.fromOption("SHA512"));
        assertEquals(Optional.empty(), HmacAlgorithm.fromOption("md5"));
    }
}
