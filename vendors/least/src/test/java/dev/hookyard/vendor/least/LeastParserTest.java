package dev.hookyard.vendor.least;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.least.events.BadgeEarned;
import dev.hookyard.vendor.least.events.LeastEvent;
import dev.hookyard.vendor.least.events.LessonCompleted;
import dev.hookyard.vendor.least.events.LmsRuleEvent;
import dev.hookyard.vendor.least.events.RecordAction;
import dev.hookyard.vendor.least.events.RecordArchived;
import dev.hookyard.vendor.least.events.RecordCreated;
import dev.hookyard.vendor.least.events.WorkflowCompleted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.least.LeastVendors.delivery;
import static dev.hookyard.vendor.least.LeastVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeastParserTest {

    private final Parser parser = vendor("s").parser();
    private final Parser strict = vendor(Map.of("strict", true), "s").parser();

    private static Delivery body(String json) {
        return delivery(json, Map.of());
    }

    private <T extends WebhookEvent> T parse(String json, Class<T> type) {
        ParseResult result = parser.parse(body(json));
        ParseResult.Parsed parsed = assertInstanceOf(ParseResult.Parsed.class, result, () -> result.toString());
        return assertInstanceOf(type, parsed.event());
    }

    private String malformed(Parser p, String json) {
        return assertInstanceOf(ParseResult.Malformed.class, p.parse(body(json))).reason();
    }

    @Test
    void cookbookCollectionRoutingFields() {
        RecordCreated created = parse("{\"event\":\"record.created\",\"record_id\":42,"
                + "\"data\":{\"strD5_1_1\":\"New laptop request\"}}", RecordCreated.class);
        assertEquals("New laptop request", created.data().get("strD5_1_1"));
        assertEquals(42L, created.recordId());

        RecordAction action = parse("{\"event\":\"record.action\",\"record_id\":42,\"action_id\":8}",
                RecordAction.class);
        assertTrue(action.isComplete());
        assertEquals(8, action.actionId());
        assertEquals(42L, action.recordId());
        assertFalse(parse("{\"event\":\"record.action\",\"record_id\":42,\"action_id\":3}", RecordAction.class)
                .isComplete());

        assertEquals(42L, parse("{\"event\":\"record.archived\",\"record_id\":42}", RecordArchived.class)
                .recordId());
    }

    @Test
    void cookbookWorkflowRoutingFields() {
        assertEquals(1207L, parse("{\"event\":\"lesson.completed\",\"intLessonId\":1207}", LessonCompleted.class)
                .lessonId());
        assertEquals(58L, parse("{\"event\":\"badge.earned\",\"intBadgeId\":58}", BadgeEarned.class).badgeId());
        assertEquals(90311L, parse("{\"event\":\"workflow.completed\",\"intInstanceId\":90311}",
                WorkflowCompleted.class).instanceId());
    }

    @Test
    void eventCarriesVendorTypeDeliveryAndBodyShaAsKey() {
        String json = "{\"event\":\"record.archived\",\"record_id\":42}";
        Delivery delivery = body(json);
        WebhookEvent event = ((ParseResult.Parsed) parser.parse(delivery)).event();
        assertEquals("least", event.vendor());
        assertEquals("record.archived", event.type());
        assertEquals(delivery.bodySha256(), event.deliveryKey());
        assertSame(delivery, event.delivery());
    }

    @Test
    void parsingIsDeterministic() {
        Delivery delivery = body("{\"event\":\"record.created\",\"record_id\":1,\"data\":{\"a\":[1,2.50,null]}}");
        assertEquals(parser.parse(delivery), parser.parse(delivery));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"event\":\"record.archived\",\"record_id\":42}      | 42",
            "{\"event\":\"record.archived\",\"record_id\":\"42\"}  | 42",
            "{\"event\":\"record.archived\",\"record_id\":\" 42 \"}| 42",
            "{\"event\":\"record.archived\",\"record_id\":-7}      | -7",
            "{\"event\":\"record.archived\",\"record_id\":9223372036854775807} | 9223372036854775807"})
    void idsMayBeNumbersOrNumericStrings(String json, long expected) {
        assertEquals(expected, parse(json, RecordArchived.class).recordId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"event\":\"record.archived\"}",
            "{\"event\":\"record.archived\",\"record_id\":null}",
            "{\"event\":\"record.archived\",\"record_id\":\"\"}"})
    void absentNullOrBlankIdsAreNull(String json) {
        assertNull(parse(json, RecordArchived.class).recordId());
    }

    @Test
    void missingFieldsAreNullOrEmptyNotErrors() {
        RecordAction action = parse("{\"event\":\"record.action\"}", RecordAction.class);
        assertNull(action.recordId());
        assertNull(action.actionId());
        assertFalse(action.isComplete());
        assertTrue(parse("{\"event\":\"record.created\"}", RecordCreated.class).data().isEmpty());
        assertTrue(parse("{\"event\":\"record.created\",\"data\":null}", RecordCreated.class).data().isEmpty());
        assertNull(parse("{\"event\":\"lesson.completed\"}", LessonCompleted.class).lessonId());
        assertEquals(8, parse("{\"event\":\"record.action\",\"action_id\":\"8\"}", RecordAction.class).actionId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"event\":\"record.archived\",\"record_id\":{\"id\":1}}   | record_id is not a whole number",
            "{\"event\":\"record.archived\",\"record_id\":[1]}          | record_id is not a whole number",
            "{\"event\":\"record.archived\",\"record_id\":true}         | record_id is not a whole number",
            "{\"event\":\"record.archived\",\"record_id\":4.5}          | record_id is not a whole number",
            "{\"event\":\"record.archived\",\"record_id\":\"4x\"}       | record_id is not a whole number",
            "{\"event\":\"record.archived\",\"record_id\":\"\u0664\u0662\"} | record_id is not a whole number",
            "{\"event\":\"record.archived\",\"record_id\":99999999999999999999} | record_id is not a whole number",
            "{\"event\":\"record.action\",\"action_id\":4294967296}     | action_id is out of range",
            "{\"event\":\"lesson.completed\",\"intLessonId\":{}}        | intLessonId is not a whole number",
            "{\"event\":\"badge.earned\",\"intBadgeId\":\"abc\"}        | intBadgeId is not a whole number",
            "{\"event\":\"workflow.completed\",\"intInstanceId\":[]}    | intInstanceId is not a whole number",
            "{\"event\":\"record.created\",\"data\":\"strD5_1_1\"}      | data is not an object",
            "{\"event\":\"record.created\",\"data\":[1]}                | data is not an object"})
    void wrongJsonTypesForKnownFieldsAreMalformed(String json, String reason) {
        assertEquals(reason, malformed(parser, json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                 | body is not JSON",
            "{\"event\":\"record.created\"            | body is not JSON",
            "{\"event\":\"record.created\"} trailing  | body is not JSON",
            "{\"event\":\"record.created\"}{}         | body is not JSON",
            "{\"event\":\"a.b\",\"event\":\"record.created\"} | body is not JSON",
            "[{\"event\":\"record.created\"}]         | body is not a JSON object",
            "\"record.created\"                       | body is not a JSON object",
            "42                                       | body is not a JSON object",
            "null                                     | body is not a JSON object",
            "{}                                       | event is missing",
            "{\"event\":null}                         | event is missing",
            "{\"Event\":\"record.created\"}           | event is missing",
            "{\"event\":42}                           | event is not a string",
            "{\"event\":{\"name\":\"record.created\"}} | event is not a string",
            "{\"event\":\"  \"}                       | event is empty"})
    void bodiesThatAreNotTheEnvelopeAreMalformedWithAFixedReason(String json, String reason) {
        assertEquals(reason, malformed(parser, json));
        assertEquals(reason, malformed(strict, json));
    }

    @Test
    void emptyAndBinaryBodiesAreMalformed() {
        assertEquals("body is empty", malformed(parser, ""));
        assertEquals("body is empty", malformed(parser, "   "));
        ParseResult binary = parser.parse(new Delivery("least", dev.hookyard.spi.Headers.empty(),
                new byte[] {(byte) 0xff, 0, (byte) 0xfe}, java.time.Instant.EPOCH));
        assertInstanceOf(ParseResult.Malformed.class, binary);
    }

    @Test
    void malformedReasonsNeverEchoTheBody() {
        String secretish = "SECRET-PAYLOAD-123";
        for (String json : List.of(secretish, "{\"event\":\"" + secretish + "\"", "[\"" + secretish + "\"]",
                "{\"event\":\"record.archived\",\"record_id\":\"" + secretish + "\"}")) {
            assertFalse(malformed(parser, json).contains(secretish));
        }
        assertFalse(malformed(strict, "{\"event\":\"" + secretish + "\"}").contains(secretish));
    }

    @Test
    void deeplyNestedBodiesAreMalformedNotAStackOverflow() {
        String deep = "{\"event\":\"record.created\",\"data\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000)
                + "}}";
        assertEquals("body is not JSON", malformed(parser, deep));
    }

    @Test
    void unknownEventIsGenericKeepingTheRawJson() {
        String json = "{\"event\":\"record.restored\",\"record_id\":42}";
        GenericEvent event = parse(json, GenericEvent.class);
        assertEquals("least", event.vendor());
        assertEquals("record.restored", event.type());
        assertEquals(json, event.json());
        assertEquals(body(json).bodySha256(), event.deliveryKey());
    }

    @Test
    void strictModeMakesUnknownEventsMalformedButKeepsKnownOnes() {
        assertEquals("unknown event type", malformed(strict, "{\"event\":\"record.restored\"}"));
        assertInstanceOf(RecordArchived.class, ((ParseResult.Parsed) strict.parse(
                body("{\"event\":\"record.archived\",\"record_id\":1}"))).event());
        assertInstanceOf(LmsRuleEvent.class, ((ParseResult.Parsed) strict.parse(
                body("{\"event\":\"cohort.joined\"}"))).event());
    }

    @Test
    void eventNamesAreCaseSensitive() {
        assertEquals("Record.Created", parse("{\"event\":\"Record.Created\"}", GenericEvent.class).type());
    }

    @Test
    void lmsRuleTriggersKeepTheWholePayloadAsPlainValues() {
        for (String type : LmsRuleEvent.TYPES) {
            LmsRuleEvent event = parse("{\"event\":\"" + type + "\",\"intCourseId\":\"311\",\"nested\":"
                    + "{\"list\":[1,\"two\",null,true,1.50,123456789012345678901234567890]}}", LmsRuleEvent.class);
            assertEquals(type, event.type());
            assertEquals(type, event.payload().get("event"));
            assertEquals("311", event.payload().get("intCourseId"));
            Map<?, ?> nested = assertInstanceOf(Map.class, event.payload().get("nested"));
            assertEquals(Arrays.asList(1L, "two", null, true, new BigDecimal("1.50"),
                    new BigInteger("123456789012345678901234567890")), nested.get("list"));
        }
    }

    @Test
    void plainValuesAreUnmodifiableAtEveryLevelAndKeepOrderAndNulls() {
        RecordCreated created = parse("{\"event\":\"record.created\",\"data\":{\"z\":1,\"a\":null,"
                + "\"m\":{\"k\":[{\"x\":1}]}}}", RecordCreated.class);
        assertEquals(List.of("z", "a", "m"), List.copyOf(created.data().keySet()));
        assertTrue(created.data().containsKey("a"));
        assertNull(created.data().get("a"));
        assertThrows(UnsupportedOperationException.class, () -> created.data().put("b", 2));
        Map<?, ?> m = (Map<?, ?>) created.data().get("m");
        List<?> k = (List<?>) m.get("k");
        assertThrows(UnsupportedOperationException.class, () -> k.clear());
        assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) k.get(0)).clear());
    }

    @Test
    void everyTypedEventIsAPermittedLeastEventAndInTheCatalog() {
        java.util.Set<Class<?>> permitted = java.util.Set.of(LeastEvent.class.getPermittedSubclasses());
        java.util.Set<Class<?>> catalogued = vendor().catalog().types().stream()
                .map(dev.hookyard.spi.EventType::eventClass).collect(java.util.stream.Collectors.toSet());
        assertEquals(permitted, catalogued);
        assertTrue(LeastEvent.class.isSealed());
    }
}
