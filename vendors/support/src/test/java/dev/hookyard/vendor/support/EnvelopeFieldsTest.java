package dev.hookyard.vendor.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeFieldsTest {

    private static JsonNode object(String json) throws MalformedBodyException {
        return StrictJson.EXACT_DECIMALS.readObject(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givesTheTextAsSent() throws MalformedBodyException {
        assertEquals(" record.created ", EnvelopeFields.nonBlankText(object("{\"event\":\" record.created \"}"),
                "event"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                      | event is missing",
            "{\"event\":null}        | event is missing",
            "{\"Event\":\"a\"}       | event is missing",
            "{\"event\":42}          | event is not a string",
            "{\"event\":true}        | event is not a string",
            "{\"event\":{}}          | event is not a string",
            "{\"event\":[\"a\"]}     | event is not a string",
            "{\"event\":\"\"}        | event is empty",
            "{\"event\":\" \\t\\n\"} | event is empty",
    })
    void namesTheFieldAndTheProblem(String json, String reason) throws MalformedBodyException {
        JsonNode root = object(json);

        assertEquals(reason, assertThrows(MalformedBodyException.class,
                () -> EnvelopeFields.nonBlankText(root, "event")).getMessage());
    }
}
