package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(StrictJson json, String body) {
        return assertThrows(MalformedBodyException.class, () -> json.readObject(utf8(body))).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} {\"a\":2}", "{\"a\":1}x", "[1] 2"})
    void trailingContentIsAnError(String body) {
        assertThrows(IOException.class, () -> StrictJson.EXACT_DECIMALS.read(utf8(body)));
        assertThrows(IOException.class, () -> StrictJson.DOUBLES.read(utf8(body)));
    }

    @Test
    void aKeySentTwiceIsAnError() {
        byte[] body = utf8("{\"event\":\"a\",\"event\":\"b\"}");

        assertThrows(IOException.class, () -> StrictJson.EXACT_DECIMALS.read(body));
        assertThrows(IOException.class, () -> StrictJson.DOUBLES.read(body));
    }

    @Test
    void exactDecimalsKeepTheirDigits() throws IOException {
        JsonNode root = StrictJson.EXACT_DECIMALS.read(utf8("{\"price\":24.50,\"big\":1e2}"));

        assertEquals(new BigDecimal("24.50"), root.get("price").decimalValue());
        assertEquals("24.50", root.get("price").asText());
        assertTrue(root.get("big").isBigDecimal());
    }

    @Test
    void doublesAreJacksonsDefault() throws IOException {
        JsonNode root = StrictJson.DOUBLES.read(utf8("{\"price\":24.50}"));

        assertTrue(root.get("price").isDouble());
        assertEquals("24.5", root.get("price").asText());
    }

    @Test
    void wholeNumbersAreIntegralInBoth() throws IOException {
        assertTrue(StrictJson.EXACT_DECIMALS.read(utf8("42")).isIntegralNumber());
        assertTrue(StrictJson.DOUBLES.read(utf8("42")).isIntegralNumber());
    }

    @Test
    void anEmptyBodyReadsAsMissing() throws IOException {
        assertTrue(StrictJson.EXACT_DECIMALS.read(new byte[0]).isMissingNode());
        assertTrue(StrictJson.DOUBLES.read(utf8(" \n\t")).isMissingNode());
    }

    @Test
    void readObjectGivesTheTopLevelObject() throws MalformedBodyException {
        assertEquals("a", StrictJson.EXACT_DECIMALS.readObject(utf8(" {\"event\":\"a\"} ")).get("event").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"a\":1}{", "{\"a\":1,\"a\":2}", "\u0000", "{\"a\":\"\\u12\"}"})
    void readObjectRefusesWhatIsNotJson(String body) {
        assertEquals("body is not JSON", reason(StrictJson.EXACT_DECIMALS, body));
        assertEquals("body is not JSON", reason(StrictJson.DOUBLES, body));
    }

    @Test
    void readObjectRefusesInvalidUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertEquals("body is not JSON", assertThrows(MalformedBodyException.class,
                () -> StrictJson.EXACT_DECIMALS.readObject(body)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r\n\t "})
    void readObjectRefusesAnEmptyBody(String body) {
        assertEquals("body is empty", reason(StrictJson.EXACT_DECIMALS, body));
        assertEquals("body is empty", reason(StrictJson.DOUBLES, body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"event\":\"a\"}]", "\"event\"", "42", "1.5", "true", "null"})
    void readObjectRefusesOtherJsonValues(String body) {
        assertEquals("body is not a JSON object", reason(StrictJson.EXACT_DECIMALS, body));
        assertEquals("body is not a JSON object", reason(StrictJson.DOUBLES, body));
    }
}
