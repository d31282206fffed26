package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.absorb.events.AbsorbEvent;
import dev.hookyard.vendor.absorb.events.AbsorbEventKind;
import dev.hookyard.vendor.absorb.events.AdminEvent;
import dev.hookyard.vendor.absorb.events.LearnerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.hookyard.vendor.absorb.AbsorbVendors.BODY;
import static dev.hookyard.vendor.absorb.AbsorbVendors.delivery;
import static dev.hookyard.vendor.absorb.AbsorbVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AbsorbParserTest {

    private final Parser parser = vendor("s").parser();
    private final Parser strict = vendor(Map.of("strict", true), "s").parser();

    private static Delivery body(String json) {
        return delivery(json, Map.of());
    }

    private <T extends WebhookEvent> T parse(Parser p, String json, Class<T> type) {
        ParseResult result = p.parse(body(json));
        ParseResult.Parsed parsed = assertInstanceOf(ParseResult.Parsed.class, result, result::toString);
        return assertInstanceOf(type, parsed.event());
    }

    private <T extends WebhookEvent> T parse(String json, Class<T> type) {
        return parse(parser, json, type);
    }

    private String malformed(Parser p, String json) {
        return assertInstanceOf(ParseResult.Malformed.class, p.parse(body(json))).reason();
    }

    @Test
    void adminEventCarriesEveryDocumentedField() {
        AdminEvent event = parse(BODY, AdminEvent.class);
        assertEquals(AbsorbEventKind.USER_CREATED, event.kind());
        assertEquals("user-created", event.type());
        assertEquals("absorb", event.vendor());
        assertEquals("User Created", event.eventName());
        assertEquals("8b1d5c3e-0f7a-4e29-b6d4-71c2a9e5f380", event.userId());
        assertEquals("c47a90e2-5b18-4d3f-8e61-0a9b2f7c4d15", event.adminId());
        assertEquals("3f0e2a91-6c4d-4b7e-9a15-2d8c7e41b0f6", event.clientId());
        assertEquals("0c6b1f5e-2d43-4a8e-9f71-5e3a2b8c9d40", event.correlationId());
        assertEquals(List.of("eventName", "userId", "adminId", "clientId", "correlationId"),
                List.copyOf(event.payload().keySet()));
    }

    @Test
    void learnerEventCarriesItsFields() {
        LearnerEvent event = parse("{\"eventName\":\"Certificate Awarded\",\"userId\":\"u1\",\"clientId\":\"c1\","
                + "\"correlationId\":\"k1\"}", LearnerEvent.class);
        assertEquals(AbsorbEventKind.CERTIFICATE_AWARDED, event.kind());
        assertEquals("certificate-awarded", event.type());
        assertEquals("u1", event.userId());
        assertEquals("c1", event.clientId());
        assertEquals("k1", event.correlationId());
    }

    @Test
    void handlersCanSwitchOnTheKind() {
        AbsorbEvent event = parse("{\"event\":\"Course Bundle Deleted\"}", AbsorbEvent.class);
        String action = switch (event.kind()) {
            case COURSE_BUNDLE_DELETED -> "archive bundle";
            default -> "ignore";
        };
        assertEquals("archive bundle", action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"User Created", "UserCreated", "USER_CREATED", "user-created", "user.created",
            "usercreated", "  User  Created  ", "User-Created!"})
    void eventNamesAreMatchedAfterNormalising(String name) {
        AdminEvent event = parse("{\"eventName\":\"" + name + "\"}", AdminEvent.class);
        assertEquals(AbsorbEventKind.USER_CREATED, event.kind());
        assertEquals("user-created", event.type());
        assertEquals(name, event.eventName());
    }

    @Test
    void everyKindIsRecognisedByItsDisplayNameItsTypeAndItsConstantName() {
        for (AbsorbEventKind kind : AbsorbEventKind.values()) {
            for (String name : List.of(kind.displayName(), kind.type(), kind.name())) {
                AbsorbEvent event = parse(strict, "{\"eventName\":\"" + name + "\"}", AbsorbEvent.class);
                assertEquals(kind, event.kind(), name);
                assertEquals(kind.type(), event.type(), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventName", "EventName", "EVENTNAME", "eventname", "event_name", "Event", "EVENT",
            "name", "Name"})
    void eventNameKeyIsMatchedInAnyCase(String key) {
        assertEquals(AbsorbEventKind.GROUP_CREATED, parse("{\"" + key + "\":\"Group Created\"}", AdminEvent.class)
                .kind());
    }

    @Test
    void idKeysAreMatchedInAnyCase() {
        AdminEvent event = parse("{\"EventName\":\"Group Deleted\",\"USERID\":\"u\",\"AdminID\":\"a\","
                + "\"client_id\":\"c\",\"CorrelationId\":\"k\"}", AdminEvent.class);
        assertEquals("u", event.userId());
        assertEquals("a", event.adminId());
        assertEquals("c", event.clientId());
        assertEquals("k", event.correlationId());
        assertEquals("k/group-deleted/u/a", event.deliveryKey());
        assertEquals("u", event.payload().get("USERID"), "the payload keeps the keys as sent");
    }

    @Test
    void eventNameComesFromTheMostSpecificKeyPresent() {
        assertEquals(AbsorbEventKind.GROUP_CREATED, parse("{\"name\":\"Marketing\",\"event\":\"Group Deleted\","
                + "\"eventName\":\"Group Created\"}", AdminEvent.class).kind());
        assertEquals(AbsorbEventKind.GROUP_DELETED, parse("{\"name\":\"Marketing\",\"event\":\"Group Deleted\"}",
                AdminEvent.class).kind());
        assertEquals(AbsorbEventKind.GROUP_DELETED, parse("{\"eventName\":null,\"event\":\"Group Deleted\"}",
                AdminEvent.class).kind());
    }

    @Test
    void numericIdsAreKeptAsTheirText() {
        AdminEvent event = parse("{\"eventName\":\"User Created\",\"userId\":12345,\"adminId\":-7,"
                + "\"clientId\":123456789012345678901234567890,\"correlationId\":42.50}", AdminEvent.class);
        assertEquals("12345", event.userId());
        assertEquals("-7", event.adminId());
        assertEquals("123456789012345678901234567890", event.clientId());
        assertEquals("42.50", event.correlationId());
        assertEquals("42.50/user-created/12345/-7", event.deliveryKey());
        assertEquals(12345L, event.payload().get("userId"));
        assertEquals(new BigDecimal("42.50"), event.payload().get("correlationId"));
    }

    @Test
    void idsAreOpaqueStringsKeptExactly() {
        AdminEvent event = parse("{\"eventName\":\"User Created\",\"userId\":\" 00042 \",\"adminId\":\"ADM-ÄÖ\"}",
                AdminEvent.class);
        assertEquals(" 00042 ", event.userId());
        assertEquals("ADM-ÄÖ", event.adminId());
    }

    @Test
    void absentNullOrBlankIdsAreNull() {
        AdminEvent event = parse("{\"eventName\":\"User Created\",\"userId\":null,\"adminId\":\"  \"}",
                AdminEvent.class);
        assertNull(event.userId());
        assertNull(event.adminId());
        assertNull(event.clientId());
        assertNull(event.correlationId());
    }

    @Test
    void correlationIdNarrowedByTypeAndPeopleIsTheDeliveryKey() {
        AbsorbEvent event = parse(BODY, AbsorbEvent.class);
        assertEquals("0c6b1f5e-2d43-4a8e-9f71-5e3a2b8c9d40/" + event.type() + "/" + event.userId() + "/"
                + (event instanceof AdminEvent admin ? admin.adminId() : "-"), event.deliveryKey());
        String retried = BODY.replace("{", "{ ");
        assertEquals(event.deliveryKey(), parse(retried, AbsorbEvent.class).deliveryKey(),
                "the same correlation id in different bytes is the same delivery");
    }

    @Test
    void webhooksOfOneTransactionAreDistinctDeliveries() {
        String first = "{\"eventName\":\"User Enrolled in Course by Admin\",\"userId\":\"u1\",\"adminId\":\"a\","
                + "\"correlationId\":\"bulk-1\"}";
        String second = first.replace("u1", "u2");
        String other = "{\"eventName\":\"Group Created\",\"userId\":\"u1\",\"adminId\":\"a\","
                + "\"correlationId\":\"bulk-1\"}";
        String a = parse(first, AbsorbEvent.class).deliveryKey();
        assertNotEquals(a, parse(second, AbsorbEvent.class).deliveryKey(), "another learner of the same bulk action");
        assertNotEquals(a, parse(other, AbsorbEvent.class).deliveryKey(), "another event of the same transaction");
    }

    @Test
    void aHugeCorrelationIdGivesABoundedKey() {
        String json = "{\"eventName\":\"User Created\",\"correlationId\":\"" + "k".repeat(5000) + "\"}";
        String key = parse(json, AbsorbEvent.class).deliveryKey();
        assertTrue(key.startsWith("sha256:") && key.length() == 71, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventName\":\"User Created\",\"userId\":\"u\"}",
            "{\"eventName\":\"User Created\",\"correlationId\":null}",
            "{\"eventName\":\"User Created\",\"correlationId\":\"\"}",
            "{\"eventName\":\"User Created\",\"correlationId\":\" \"}"})
    void withoutACorrelationIdTheBodyHashIsTheDeliveryKey(String json) {
        assertEquals(body(json).bodySha256(), parse(json, AbsorbEvent.class).deliveryKey());
    }

    @Test
    void eventCarriesItsDelivery() {
        Delivery delivery = body(BODY);
        WebhookEvent event = ((ParseResult.Parsed) parser.parse(delivery)).event();
        assertSame(delivery, event.delivery());
    }

    @Test
    void parsingIsDeterministic() {
        Delivery delivery = body("{\"eventName\":\"User Created\",\"extra\":{\"a\":[1,2.50,null,true]}}");
        assertEquals(parser.parse(delivery), parser.parse(delivery));
    }

    @Test
    void undocumentedFieldsAreKeptAsPlainUnmodifiableValues() {
        LearnerEvent event = parse("{\"eventName\":\"Competency Awarded\",\"competencyId\":\"c-9\","
                + "\"extra\":{\"list\":[1,\"two\",null,true,1.50]}}", LearnerEvent.class);
        assertEquals("c-9", event.payload().get("competencyId"));
        Map<?, ?> extra = assertInstanceOf(Map.class, event.payload().get("extra"));
        assertEquals(Arrays.asList(1L, "two", null, true, new BigDecimal("1.50")), extra.get("list"));
        assertThrows(UnsupportedOperationException.class, () -> event.payload().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) extra.get("list")).clear());
    }

    @Test
    void unknownEventIsGenericKeepingTheNameAsSentAndTheRawJson() {
        String json = "{\"eventName\":\"Course Completed\",\"userId\":\"u\",\"correlationId\":\"k-7\"}";
        GenericEvent event = parse(json, GenericEvent.class);
        assertEquals("absorb", event.vendor());
        assertEquals("Course Completed", event.type());
        assertEquals(json, event.json());
        assertEquals("k-7/Course Completed/u/-", event.deliveryKey());
        assertEquals(body("{\"event\":\"x\"}").bodySha256(), parse("{\"event\":\"x\"}", GenericEvent.class)
                .deliveryKey());
    }

    @Test
    void strictModeMakesUnknownEventsMalformedButKeepsKnownOnes() {
        assertEquals("unknown event type", malformed(strict, "{\"eventName\":\"Course Completed\"}"));
        assertEquals(AbsorbEventKind.USER_CREATED, parse(strict, BODY, AdminEvent.class).kind());
        assertEquals(AbsorbEventKind.LEARNING_PATH_COMPLETED,
                parse(strict, "{\"event\":\"LEARNING_PATH_COMPLETED\"}", LearnerEvent.class).kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                     | body is not JSON",
            "{\"eventName\":\"User Created\"              | body is not JSON",
            "{\"eventName\":\"User Created\"} trailing    | body is not JSON",
            "{\"eventName\":\"User Created\"}{}           | body is not JSON",
            "{\"event\":\"a\",\"event\":\"User Created\"} | body is not JSON",
            "[{\"eventName\":\"User Created\"}]           | body is not a JSON object",
            "\"User Created\"                             | body is not a JSON object",
            "42                                           | body is not a JSON object",
            "null                                         | body is not a JSON object",
            "{}                                           | event name is missing",
            "{\"userId\":\"u\"}                           | event name is missing",
            "{\"eventName\":null}                         | event name is missing",
            "{\"eventName\":42}                           | eventName is not a string",
            "{\"event\":{\"name\":\"User Created\"}}      | event is not a string",
            "{\"name\":[\"User Created\"]}                | name is not a string",
            "{\"eventName\":\"  \"}                       | eventName is empty",
            "{\"eventName\":\"User Created\",\"EventName\":\"Group Created\"} | eventName is sent more than once",
            "{\"eventName\":\"User Created\",\"userId\":\"a\",\"USER_ID\":\"b\"} | userId is sent more than once",
            "{\"eventName\":\"User Created\",\"userId\":true}        | userId is not a string or a number",
            "{\"eventName\":\"User Created\",\"adminId\":{}}         | adminId is not a string or a number",
            "{\"eventName\":\"User Created\",\"clientId\":[1]}       | clientId is not a string or a number",
            "{\"eventName\":\"User Created\",\"correlationId\":[]}   | correlationId is not a string or a number"})
    void bodiesThatAreNotTheEnvelopeAreMalformedWithAFixedReason(String json, String reason) {
        assertEquals(reason, malformed(parser, json));
        assertEquals(reason, malformed(strict, json));
    }

    @Test
    void emptyAndBinaryBodiesAreMalformed() {
        assertEquals("body is empty", malformed(parser, ""));
        assertEquals("body is empty", malformed(parser, " \n "));
        ParseResult binary = parser.parse(new Delivery("absorb", Headers.empty(),
                new byte[] {(byte) 0xff, 0, (byte) 0xfe}, Instant.EPOCH));
        assertInstanceOf(ParseResult.Malformed.class, binary);
    }

    @Test
    void malformedReasonsNeverEchoTheBody() {
        String secretish = "SECRET-PAYLOAD-123";
        for (String json : List.of(secretish, "{\"eventName\":\"" + secretish + "\"", "[\"" + secretish + "\"]",
                "{\"eventName\":\"User Created\",\"userId\":{\"x\":\"" + secretish + "\"}}",
                "{\"" + secretish + "\":1}")) {
            assertFalse(malformed(parser, json).contains(secretish));
        }
        assertFalse(malformed(strict, "{\"eventName\":\"" + secretish + "\"}").contains(secretish));
    }

    @Test
    void deeplyNestedBodiesAreMalformedNotAStackOverflow() {
        String deep = "{\"eventName\":\"User Created\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals("body is not JSON", malformed(parser, deep));
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(20250101);
        List<byte[]> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            bodies.add(bytes);
        }
        byte[] sample = BODY.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < sample.length; i++) {
            byte[] cut = Arrays.copyOf(sample, i);
            bodies.add(cut);
            byte[] flipped = sample.clone();
            flipped[i] = (byte) random.nextInt(256);
            bodies.add(flipped);
        }
        for (String json : List.of("{\"eventName\":\"\\u0000\"}", "{\"eventName\":\"\\ud800\"}",
                "{\"eventName\":\"" + "x".repeat(1_000_000) + "\"}", "{\"userId\":1e999999999}",
                "{\"eventName\":\"User Created\",\"userId\":1e400}", "{\"\":\"\"}", "{\"eventName\":\"-_-\"}")) {
            bodies.add(json.getBytes(StandardCharsets.UTF_8));
        }
        for (Parser p : List.of(parser, strict)) {
            for (byte[] bytes : bodies) {
                ParseResult result = p.parse(new Delivery("absorb", Headers.empty(), bytes, Instant.EPOCH));
                assertNotNull(result);
                if (result instanceof ParseResult.Malformed malformed) {
                    assertFalse(malformed.reason().isBlank());
                }
            }
        }
    }
}
