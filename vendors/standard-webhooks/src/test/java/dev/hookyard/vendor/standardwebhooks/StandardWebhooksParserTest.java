package dev.hookyard.vendor.standardwebhooks;

import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_ID;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_SECRET;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_TIMESTAMP;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_V1;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.atSpecTime;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.standardwebhooks.events.StandardWebhookEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardWebhooksParserTest {

    private final Parser parser = atSpecTime(SPEC_SECRET).parser();

    private StandardWebhookEvent parsed(String body) {
        ParseResult result = parser.parse(delivery(body, SPEC_ID, SPEC_TIMESTAMP, SPEC_V1));
        return assertInstanceOf(StandardWebhookEvent.class,
                assertInstanceOf(ParseResult.Parsed.class, result).event());
    }

    private String malformed(Delivery delivery) {
        return assertInstanceOf(ParseResult.Malformed.class, parser.parse(delivery)).reason();
    }

    @Test
    void theRecommendedEnvelopeBecomesTypedComponents() {
        String body = "{\"type\":\"invoice.paid\",\"timestamp\":\"2022-11-03T20:26:10.344522Z\","
                + "\"data\":{\"id\":\"inv_1\",\"amount\":24.50,\"lines\":[1,2]},\"version\":3}";
        StandardWebhookEvent event = parsed(body);
        assertEquals("standard-webhooks", event.vendor());
        assertEquals("invoice.paid", event.type());
        assertEquals(SPEC_ID, event.messageId());
        assertEquals(SPEC_ID, event.deliveryKey());
        assertEquals(Instant.parse("2022-11-03T20:26:10.344522Z"), event.occurredAt());
        assertEquals(Map.of("id", "inv_1", "amount", new BigDecimal("24.50"), "lines", List.of(1L, 2L)),
                event.data());
        assertEquals(List.of("type", "timestamp", "data", "version"), List.copyOf(event.payload().keySet()));
        assertEquals(3L, event.payload().get("version"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-11-03T21:26:10+01:00|2022-11-03T20:26:10Z",
            "2022-11-03T20:26:10Z|2022-11-03T20:26:10Z"})
    void aTimestampWithAnOffsetIsAnInstant(String sent, String instant) {
        assertEquals(Instant.parse(instant), parsed("{\"type\":\"a.b\",\"timestamp\":\"" + sent + "\"}").occurredAt());
    }

    @Test
    void anEnvelopeOfAnotherShapeIsLenientlyReadAndKeptInThePayload() {
        StandardWebhookEvent event = parsed("{\"type\":\"user.created\",\"timestamp\":1667507170,"
                + "\"data\":[1],\"userId\":7}");
        assertNull(event.occurredAt());
        assertEquals(Map.of(), event.data());
        assertEquals(1667507170L, event.payload().get("timestamp"));
        assertEquals(List.of(1L), event.payload().get("data"));
        assertNull(parsed("{\"type\":\"a.b\",\"timestamp\":\"yesterday\"}").occurredAt());
        assertEquals(Map.of(), parsed("{\"type\":\"a.b\"}").data());
    }

    @Test
    void aJsonNullIsKeptInThePayload() {
        StandardWebhookEvent event = parsed("{\"type\":\"a.b\",\"timestamp\":null,\"data\":null}");
        assertNull(event.occurredAt());
        assertEquals(Map.of(), event.data());
        assertTrue(event.payload().containsKey("timestamp"));
        assertNull(event.payload().get("timestamp"));
    }

    @Test
    void theMessageIdOfTheSvixHeadersIsTheKeyOnASvixEndpoint() {
        Parser svix = StandardWebhooksVendors.vendor(Map.of("headerPrefix", "svix"),
                StandardWebhooksVendors.SPEC_CLOCK, SPEC_SECRET).parser();
        ParseResult result = svix.parse(delivery("svix", "{\"type\":\"a.b\"}", "msg_svix", SPEC_TIMESTAMP, SPEC_V1));
        assertEquals("msg_svix", assertInstanceOf(ParseResult.Parsed.class, result).event().deliveryKey());
    }

    @Test
    void aBodyThatIsNotTheEnvelopeIsMalformedWithAFixedReason() {
        assertEquals("body is not JSON", malformed(delivery("{\"type\":", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1)));
        assertEquals("body is not a JSON object", malformed(delivery("[]", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1)));
        assertEquals("type is missing", malformed(delivery("{\"data\":{}}", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1)));
        assertEquals("type is not a string", malformed(delivery("{\"type\":1}", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1)));
        assertEquals("type is empty", malformed(delivery("{\"type\":\" \"}", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1)));
        assertEquals("body is not JSON", malformed(delivery("{\"type\":\"a\",\"type\":\"b\"}", SPEC_ID,
                SPEC_TIMESTAMP, SPEC_V1)));
    }

    @Test
    void anUnverifiableIdIsMalformedRatherThanAnEventWithoutAKey() {
        assertEquals("no webhook-id header", malformed(delivery("{\"type\":\"a.b\"}", null, SPEC_TIMESTAMP,
                SPEC_V1)));
        assertEquals("webhook-id is not 1 to 256 printable ASCII characters without spaces or '.'",
                malformed(delivery("{\"type\":\"a.b\"}", "a.b", SPEC_TIMESTAMP, SPEC_V1)));
        Map<String, List<String>> twice = new LinkedHashMap<>();
        twice.put("webhook-id", List.of("msg_1", "msg_2"));
        assertEquals("webhook-id is present 2 times; exactly one is allowed",
                malformed(delivery("{\"type\":\"a.b\"}", twice)));
    }

    @Test
    void parsingIsDeterministic() {
        Delivery delivery = delivery("{\"type\":\"a.b\",\"data\":{\"x\":1}}", SPEC_ID, SPEC_TIMESTAMP, SPEC_V1);
        assertEquals(parser.parse(delivery), parser.parse(delivery));
    }

    @Test
    void theRecordIsImmutableAndChecksItsArguments() {
        StandardWebhookEvent event = parsed("{\"type\":\"a.b\",\"data\":{\"x\":1}}");
        assertThrows(UnsupportedOperationException.class, () -> event.data().put("y", 2));
        assertThrows(UnsupportedOperationException.class, () -> event.payload().clear());
        Delivery delivery = event.delivery();
        assertThrows(IllegalArgumentException.class,
                () -> new StandardWebhookEvent(" ", "id", null, Map.of(), Map.of(), delivery));
        assertThrows(IllegalArgumentException.class,
                () -> new StandardWebhookEvent("a.b", " ", null, Map.of(), Map.of(), delivery));
        assertThrows(NullPointerException.class,
                () -> new StandardWebhookEvent("a.b", "id", null, null, Map.of(), delivery));
        Map<String, Object> data = new LinkedHashMap<>(Map.of("x", 1));
        StandardWebhookEvent copy = new StandardWebhookEvent("a.b", "id", null, data, Map.of(), delivery);
        data.put("y", 2);
        assertEquals(Map.of("x", 1), copy.data());
    }
}
