package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookyard.vendor.support.CanonicalBase64.Alphabet;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalBase64Test {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void decodesWhatTheJdkEncodesWithAndWithoutPadding() {
        Random random = new Random(42);
        for (int length = 0; length <= 40; length++) {
            for (int i = 0; i < 20; i++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);

                String padded = Base64.getEncoder().encodeToString(bytes);
                String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
                String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                String urlPadded = Base64.getUrlEncoder().encodeToString(bytes);

                assertArrayEquals(bytes, CanonicalBase64.decode(padded, length));
                assertArrayEquals(bytes, CanonicalBase64.decode(unpadded, length));
                assertArrayEquals(bytes, CanonicalBase64.decode(url, length, Alphabet.URL_SAFE));
                assertArrayEquals(bytes, CanonicalBase64.decode(urlPadded, length, Alphabet.URL_SAFE));
                assertArrayEquals(bytes, CanonicalBase64.decodePadded(padded));
            }
        }
    }

    @Test
    void refusesNonZeroUnusedBitsOfA32ByteMac() {
        byte[] mac = new byte[32];
        new Random(1).nextBytes(mac);
        String canonical = Base64.getEncoder().withoutPadding().encodeToString(mac);
        int last = ALPHABET.indexOf(canonical.charAt(42));
        int accepted = 0;
        for (int low = 0; low < 4; low++) {
            // 32 bytes leave the last of 43 characters 2 unused low bits.
            String respelled = canonical.substring(0, 42) + ALPHABET.charAt(last & ~3 | low);
            if (CanonicalBase64.decode(respelled, 32) != null) {
                accepted++;
                assertEquals(canonical, respelled);
            }
            // Java's own decoder takes all four: the reason for this class.
            assertArrayEquals(mac, Base64.getDecoder().decode(respelled));
        }
        assertEquals(1, accepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AQID", "AQID=", "AQ==", "AQI=",       // wrong length for 3 bytes, or padding in place of data
            "AQI D", " AQID", "AQID ", "AQ\nID",  // whitespace
            "AQ-D", "AQ_D", "AQ.D", "AQ\u00c9D"})  // outside the standard alphabet
    void refusesOtherSpellings(String text) {
        if (text.equals("AQID")) {
            assertArrayEquals(new byte[] {1, 2, 3}, CanonicalBase64.decode(text, 3)); // the canonical one, for contrast
            assertNull(CanonicalBase64.decode(text, 2));
            return;
        }
        assertNull(CanonicalBase64.decode(text, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AQI", "AQI=", "AQI==", "AQJ", "AQI=x", "AQ=I"})
    void paddingIsOptionalButExact(String text) {
        byte[] decoded = CanonicalBase64.decode(text, 2);
        if (text.equals("AQI") || text.equals("AQI=")) {
            assertArrayEquals(new byte[] {1, 2}, decoded);
        } else {
            assertNull(decoded);
        }
    }

    @Test
    void alphabetsAreNotMixed() {
        byte[] bytes = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF};  // standard "+/+/", url-safe "-_-_"
        assertArrayEquals(bytes, CanonicalBase64.decode("+/+/", 3));
        assertArrayEquals(bytes, CanonicalBase64.decode("-_-_", 3, Alphabet.URL_SAFE));
        assertNull(CanonicalBase64.decode("-_-_", 3));
        assertNull(CanonicalBase64.decode("+/+/", 3, Alphabet.URL_SAFE));
        assertNull(CanonicalBase64.decode("+_+_", 3, Alphabet.URL_SAFE));
    }

    @Test
    void paddedDecodingAcceptsExactlyWhatTheJdkDecodesAndReencodesTheSame() {
        // Every text of up to 4 characters over a small alphabet that covers the edge cases.
        char[] chars = {'A', 'B', 'Q', 'g', '/', '+', '-', '=', ' ', '\u00e9'};
        StringBuilder text = new StringBuilder();
        for (int length = 0; length <= 4; length++) {
            int combinations = (int) Math.pow(chars.length, length);
            for (int n = 0; n < combinations; n++) {
                text.setLength(0);
                for (int k = 0, rest = n; k < length; k++, rest /= chars.length) {
                    text.append(chars[rest % chars.length]);
                }
                String candidate = text.toString();
                assertArrayEquals(jdkCanonical(candidate), CanonicalBase64.decodePadded(candidate), candidate);
            }
        }
    }

    @Test
    void paddedDecodingRefusesUnpaddedAndMisplacedPadding() {
        assertArrayEquals("user:pass".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CanonicalBase64.decodePadded("dXNlcjpwYXNz"));
        assertArrayEquals(new byte[] {'a'}, CanonicalBase64.decodePadded("YQ=="));
        assertNull(CanonicalBase64.decodePadded("YQ"));
        assertNull(CanonicalBase64.decodePadded("YQ="));
        assertNull(CanonicalBase64.decodePadded("YR=="));
        assertNull(CanonicalBase64.decodePadded("YQ==YQ=="));
        assertNull(CanonicalBase64.decodePadded("===="));
        assertArrayEquals(new byte[0], CanonicalBase64.decodePadded(""));
    }

    /** What Java's decoder gives, if re-encoding that gives the text back; else null. */
    private static byte[] jdkCanonical(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
