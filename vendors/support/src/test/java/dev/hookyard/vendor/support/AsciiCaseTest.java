package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiCaseTest {

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC", "bAsIc"})
    void equalsIgnoresAsciiCase(String scheme) {
        assertTrue(AsciiCase.equalsIgnoreCase(scheme, "Basic"));
        assertTrue(AsciiCase.equalsIgnoreCase("Basic", scheme));
    }

    @ParameterizedTest
    // dotless i, Kelvin sign, long s, fullwidth B: String.equalsIgnoreCase takes some of these for ASCII letters.
    @ValueSource(strings = {"bas\u0131c", "BAS\u0130C", "\u212Aey", "ba\u017Fic", "\uFF22asic", "Basi", "Basicc", ""})
    void equalsFoldsNothingButAscii(String scheme) {
        assertFalse(AsciiCase.equalsIgnoreCase(scheme, "Basic"));
        assertFalse(AsciiCase.equalsIgnoreCase(scheme, "Key"));
    }

    @Test
    void stringsEqualsIgnoreCaseWouldFoldUnicode() {
        // The reason this class exists.
        assertTrue("\u212Aey".equalsIgnoreCase("key"));
        assertFalse(AsciiCase.equalsIgnoreCase("\u212Aey", "key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256=abc", "SHA256=abc", "Sha256=", "sHa256=\u00e9"})
    void startsWithIgnoresAsciiCase(String value) {
        assertTrue(AsciiCase.startsWithIgnoreCase(value, "sha256="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u017Fha256=abc", "sha256", "sha256:abc", "", " sha256=abc", "sha2567"})
    void startsWithFoldsNothingButAscii(String value) {
        assertFalse(AsciiCase.startsWithIgnoreCase(value, "sha256="));
    }

    @Test
    void lowerCasesAsciiLettersOnly() {
        assertEquals('a', AsciiCase.toLowerCase('A'));
        assertEquals('z', AsciiCase.toLowerCase('Z'));
        assertEquals('a', AsciiCase.toLowerCase('a'));
        assertEquals('@', AsciiCase.toLowerCase('@'));
        assertEquals('[', AsciiCase.toLowerCase('['));
        assertEquals('\u00C9', AsciiCase.toLowerCase('\u00C9'));
        assertEquals('\u0130', AsciiCase.toLowerCase('\u0130'));
    }
}
