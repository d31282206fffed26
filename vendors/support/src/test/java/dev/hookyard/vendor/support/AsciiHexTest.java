package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiHexTest {

    @Test
    void digitsOfEveryCharacter() {
        for (int code = 0; code <= Character.MAX_VALUE; code++) {
            char c = (char) code;
            int expected = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
            assertEquals(expected, AsciiHex.digit(c), () -> "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void decodesEitherCaseLikeHexFormat() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String lower = HexFormat.of().formatHex(bytes);

            assertArrayEquals(bytes, AsciiHex.decode(lower, 32));
            assertArrayEquals(bytes, AsciiHex.decode(lower.toUpperCase(java.util.Locale.ROOT), 32));
        }
    }

    @Test
    void decodesMixedCase() {
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD, 0x01}, AsciiHex.decode("aBCd01", 3));
    }

    @Test
    void zeroBytesIsTheEmptyText() {
        assertArrayEquals(new byte[0], AsciiHex.decode("", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "abcd0", "abcd0123", " abcd01", "abcd01 ", "ab cd0", "abcd0g", "0xabcd",
            "abcd\uFF10\uFF11", "abcd\u0660\u0661", "+bcd01", "-bcd01"})
    void refusesAnythingButExactlyTheDigits(String text) {
        assertNull(AsciiHex.decode(text, 3));
    }
}
