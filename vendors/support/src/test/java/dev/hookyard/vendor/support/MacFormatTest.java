package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacFormatTest {

    /** HMAC-SHA1 of GitHub's published test vector, 20 bytes. */
    private static final String SHA1_HEX = "01dc10d0c83e72ed246219cdd91669667fe2ca59";
    private static final byte[] SHA1_MAC = HexFormat.of().parseHex(SHA1_HEX);
    private static final String SHA1_BASE64 = "AdwQ0Mg+cu0kYhnN2RZpZn/iylk=";

    private static final MacFormat GITHUB_SHA1 = new MacFormat("sha1=", MacEncoding.HEX, 20);
    private static final MacFormat BARE_BASE64 = new MacFormat("", MacEncoding.BASE64, 20);

    @Test
    void encodesAsAGenuineSenderWrites() {
        assertEquals("sha1=" + SHA1_HEX, GITHUB_SHA1.encode(SHA1_MAC));
        assertEquals(SHA1_BASE64, BARE_BASE64.encode(SHA1_MAC));
        assertEquals("v1=" + SHA1_BASE64, new MacFormat("v1=", MacEncoding.BASE64, 20).encode(SHA1_MAC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1=" + SHA1_HEX, "SHA1=" + SHA1_HEX, "sha1=01DC10D0C83E72ED246219CDD91669667FE2CA59",
            " \tsha1=" + SHA1_HEX + "\t "})
    void readsTheHexFormLeniently(String value) {
        assertArrayEquals(SHA1_MAC, GITHUB_SHA1.decode(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {SHA1_BASE64, "AdwQ0Mg+cu0kYhnN2RZpZn/iylk", " " + SHA1_BASE64})
    void readsTheBase64FormWithOrWithoutPadding(String value) {
        assertArrayEquals(SHA1_MAC, BARE_BASE64.decode(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha1=", SHA1_HEX, "sha256=" + SHA1_HEX, "sha1= " + SHA1_HEX, "sha1=" + SHA1_HEX + "0",
            "sha1=1dc10d0c83e72ed246219cdd91669667fe2ca59", "sha1=" + SHA1_HEX + "\n", "\u017fha1=" + SHA1_HEX,
            "sha1=\uff101dc10d0c83e72ed246219cdd91669667fe2ca59", "sha1=0 1dc10d0c83e72ed246219cdd91669667fe2ca59"})
    void refusesAnythingElseInTheHexForm(String value) {
        assertNull(GITHUB_SHA1.decode(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AdwQ0Mg+cu0kYhnN2RZpZn/iylm=", "AdwQ0Mg-cu0kYhnN2RZpZn_iylk=", "AdwQ0Mg+cu0kYhnN2RZpZn/iylk==",
            "AdwQ0Mg+cu0k YhnN2RZpZn/iylk=", SHA1_HEX})
    void refusesNonCanonicalOrForeignBase64(String value) {
        assertNull(BARE_BASE64.decode(value));
    }

    @Test
    void describesTheExpectedFormWithoutAnyValue() {
        assertEquals("sha1= followed by 40 hex digits", GITHUB_SHA1.describe());
        assertEquals("the base64 of 20 bytes", BARE_BASE64.describe());
    }

    @Test
    void encodingsHaveLowerCaseOptionValues() {
        assertEquals(List.of("hex", "base64"), MacEncoding.optionValues());
        assertEquals(Optional.of(MacEncoding.BASE64), MacEncoding.fromOption("base64"));
        assertEquals(Optional.empty(), MacEncoding.fromOption("Base64"));
    }

    @Test
    void aMacOfNoBytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MacFormat("", MacEncoding.HEX, 0));
    }
}
