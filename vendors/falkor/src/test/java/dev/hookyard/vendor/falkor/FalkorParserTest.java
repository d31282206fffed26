package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.FalkorVendors.SPEC_BODY;
import static dev.hookyard.vendor.falkor.FalkorVendors.delivery;
import static dev.hookyard.vendor.falkor.FalkorVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.falkor.events.Attendee;
import dev.hookyard.vendor.falkor.events.AttendeeState;
import dev.hookyard.vendor.falkor.events.Enrolment;
import dev.hookyard.vendor.falkor.events.EnrolmentState;
import dev.hookyard.vendor.falkor.events.EnrolmentStatus;
import dev.hookyard.vendor.falkor.events.Enrolments;
import dev.hookyard.vendor.falkor.events.Event;
import dev.hookyard.vendor.falkor.events.Events;
import dev.hookyard.vendor.falkor.events.FalkorEvent;
import dev.hookyard.vendor.falkor.events.Pathway;
import dev.hookyard.vendor.falkor.events.Reward;
import dev.hookyard.vendor.falkor.events.Rewards;
import dev.hookyard.vendor.falkor.events.Venue;
import dev.hookyard.vendor.falkor.events.Voucher;
import dev.hookyard.vendor.falkor.events.VoucherState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

class FalkorParserTest {

    private final Parser parser = vendor("s").parser();
    private final Parser strict = vendor(Map.of("strict", true), "s").parser();

    private static Delivery body(String json) {
        return delivery(json, Map.of());
    }

    private <T extends WebhookEvent> T parse(String json, Class<T> type) {
        ParseResult result = parser.parse(body(json));
        ParseResult.Parsed parsed = assertInstanceOf(ParseResult.Parsed.class, result, result::toString);
        return assertInstanceOf(type, parsed.event());
    }

    private static String malformed(Parser p, String json) {
        return assertInstanceOf(ParseResult.Malformed.class, p.parse(body(json))).reason();
    }

    /** An {@code events} body whose one event has these extra fields. */
    private static String eventWith(String fields) {
        return "{\"type\":\"events\",\"data\":{\"events\":[{" + fields + "}]}}";
    }

    // ---- the spec's sample bodies, verbatim ---------------------------------------------------------------------

    @Test
    void enrolmentsSample() {
        Enrolments batch = parse(FalkorEventCatalog.ENROLMENTS_SAMPLE, Enrolments.class);
        assertEquals("enrolments", batch.type());
        assertEquals("falkor", batch.vendor());
        assertEquals(new Pathway("Pathway Name", "FA-HCPG-06RF"), batch.pathway());
        assertEquals(1, batch.enrolments().size());
        Enrolment enrolment = batch.enrolments().get(0);
        assertEquals("test@example.com", enrolment.email());
        assertEquals("Test", enrolment.firstname());
        assertEquals("User", enrolment.lastname());
        assertEquals("South Africa", enrolment.country());
        assertEquals("Cape Town", enrolment.city());
        EnrolmentStatus status = enrolment.status();
        assertEquals(new EnrolmentStatus(2, "In Progress", 90, "1.2.3", "2020-10-09T14:59:06+02:00",
                "2020-10-07T12:00:06+02:00"), status);
        assertEquals(EnrolmentState.IN_PROGRESS, status.parsedState());
        assertEquals(Optional.of(OffsetDateTime.parse("2020-10-09T14:59:06+02:00")), status.parsedTimestamp());
        assertEquals(Instant.parse("2020-10-07T10:00:06Z"), status.parsedJoined().orElseThrow().toInstant());
    }

    @Test
    void eventsSample() {
        Events batch = parse(FalkorEventCatalog.EVENTS_SAMPLE, Events.class);
        assertEquals("events", batch.type());
        assertEquals(new Pathway("My Pathway", "FA-HCPG-06RF"), batch.pathway());
        assertEquals(1, batch.events().size());
        Event event = batch.events().get(0);
        assertEquals("FABK-YVUU-89RU", event.id());
        assertEquals("event", event.type());
        assertEquals("Event", event.name());
        assertEquals("2020-10-15T16:15:00+02:00", event.start());
        assertEquals("2020-10-15T22:15:00+02:00", event.end());
        assertEquals(Instant.parse("2020-10-15T20:15:00Z"), event.parsedEnd().orElseThrow().toInstant());
        assertEquals(Instant.parse("2020-10-15T14:15:00Z"), event.parsedStart().orElseThrow().toInstant());
        assertEquals(new Venue("Cable Car Station", "Cape Town ZA"), event.venue());
        assertEquals(4, event.available());
        assertFalse(event.unlimited());
        assertEquals(2, event.booked());
        assertEquals(List.of(new Attendee("8bd0705f-c640-4191-9a1c-1a8cc73ad949", "booked", "Test", "User",
                "test@example.com", "South Africa", "Cape Town")), event.attendees());
        assertEquals(AttendeeState.BOOKED, event.attendees().get(0).parsedState());
    }

    @Test
    void rewardsSample() {
        Rewards batch = parse(FalkorEventCatalog.REWARDS_SAMPLE, Rewards.class);
        assertEquals("rewards", batch.type());
        assertEquals(new Pathway("My Pathway", "FA-HCPG-06RF"), batch.pathway());
        assertEquals(1, batch.rewards().size());
        Reward reward = batch.rewards().get(0);
        assertEquals("FARE-STZH-05MD", reward.id());
        assertEquals("Cup of Coffee", reward.name());
        Voucher voucher = reward.vouchers().get(0);
        assertEquals(new Voucher("6c720133-3916-4172-94c9-62d1394fc72b", "Test", "User", "test@example.com",
                "South Africa", "Cape Town", "notified", "never"), voucher);
        assertEquals(VoucherState.NOTIFIED, voucher.parsedState());
        assertTrue(voucher.neverExpires());
        assertEquals(Optional.empty(), voucher.parsedExpires());
    }

    @Test
    void specTestVectorBodyIsAnEmptyRewardsBatch() {
        Rewards batch = parse(SPEC_BODY, Rewards.class);
        assertNull(batch.pathway());
        assertEquals(List.of(), batch.rewards());
        assertEquals(body(SPEC_BODY).bodySha256(), batch.deliveryKey());
        assertInstanceOf(Rewards.class, ((ParseResult.Parsed) strict.parse(body(SPEC_BODY))).event());
    }

    @Test
    void deliveryKeyIsTheBodySha256AndTheEventKeepsItsDelivery() {
        Delivery delivery = body(FalkorEventCatalog.EVENTS_SAMPLE);
        WebhookEvent event = ((ParseResult.Parsed) parser.parse(delivery)).event();
        assertEquals(delivery.bodySha256(), event.deliveryKey());
        assertEquals(delivery, event.delivery());
    }

    // ---- enumerations and the documented oddities -----------------------------------------------------------------

    @Test
    void availableMayBeUnlimited() {
        for (String unlimited : List.of("\"Unlimited\"", "\"unlimited\"", "\" UNLIMITED \"")) {
            Event event = parse(eventWith("\"available\":" + unlimited), Events.class).events().get(0);
            assertTrue(event.unlimited(), unlimited);
            assertNull(event.available());
        }
        Event counted = parse(eventWith("\"available\":\"12\",\"booked\":\"3\""), Events.class).events().get(0);
        assertFalse(counted.unlimited());
        assertEquals(12, counted.available());
        assertEquals(3, counted.booked());
        Event odd = parse(eventWith("\"available\":\"lots\""), Events.class).events().get(0);
        assertFalse(odd.unlimited());
        assertNull(odd.available());
    }

    @ParameterizedTest
    @CsvSource({"In Progress, IN_PROGRESS", "Complete, COMPLETE", "complete, COMPLETE", "' in progress ', IN_PROGRESS",
            "Paused, UNKNOWN", "InProgress, UNKNOWN"})
    void enrolmentStatesAreTypedAndUnknownOnesKept(String raw, EnrolmentState expected) {
        Enrolments batch = parse("{\"type\":\"enrolments\",\"data\":{\"enrolments\":[{\"status\":{\"state\":\""
                + raw + "\"}}]}}", Enrolments.class);
        EnrolmentStatus status = batch.enrolments().get(0).status();
        assertEquals(raw, status.state());
        assertEquals(expected, status.parsedState());
    }

    @ParameterizedTest
    @CsvSource({"booked, BOOKED", "absent, ABSENT", "attended, ATTENDED", "Attended, ATTENDED",
            "cancelled, UNKNOWN", "waitlisted, UNKNOWN"})
    void attendeeStatesAreTypedAndUnknownOnesKept(String raw, AttendeeState expected) {
        Attendee attendee = parse(eventWith("\"attendees\":[{\"state\":\"" + raw + "\"}]"), Events.class).events()
                .get(0).attendees().get(0);
        assertEquals(raw, attendee.state());
        assertEquals(expected, attendee.parsedState());
    }

    @ParameterizedTest
    @CsvSource({"pending, PENDING", "notified, NOTIFIED", "verify, VERIFY", "redeemed, REDEEMED",
            "expired, EXPIRED", "revoked, UNKNOWN"})
    void voucherStatesAreTypedAndUnknownOnesKept(String raw, VoucherState expected) {
        Voucher voucher = parse("{\"type\":\"rewards\",\"data\":{\"rewards\":[{\"vouchers\":[{\"state\":\"" + raw
                + "\"}]}]}}", Rewards.class).rewards().get(0).vouchers().get(0);
        assertEquals(raw, voucher.state());
        assertEquals(expected, voucher.parsedState());
    }

    @Test
    void missingStatesAreUnknown() {
        assertEquals(EnrolmentState.UNKNOWN, new EnrolmentStatus(null, null, null, null, null, null).parsedState());
        assertEquals(AttendeeState.UNKNOWN, new Attendee(null, null, null, null, null, null, null).parsedState());
        assertEquals(VoucherState.UNKNOWN, new Voucher(null, null, null, null, null, null, null, null).parsedState());
    }

    @Test
    void voucherExpiryIsNeverOrADateTime() {
        Voucher dated = new Voucher(null, null, null, null, null, null, "redeemed", "2021-01-31T23:59:59+02:00");
        assertFalse(dated.neverExpires());
        assertEquals(Optional.of(OffsetDateTime.parse("2021-01-31T23:59:59+02:00")), dated.parsedExpires());
        assertTrue(new Voucher(null, null, null, null, null, null, null, "Never").neverExpires());
        Voucher odd = new Voucher(null, null, null, null, null, null, null, "next week");
        assertFalse(odd.neverExpires());
        assertEquals(Optional.empty(), odd.parsedExpires());
        assertFalse(new Voucher(null, null, null, null, null, null, null, null).neverExpires());
    }

    @Test
    void emailsThatAreNotAddressesAreKeptAsSent() {
        Enrolments batch = parse("{\"type\":\"enrolments\",\"data\":{\"enrolments\":[{\"email\":\"not an email\"},"
                + "{\"email\":\"\"},{\"email\":\"a@b@c\"}]}}", Enrolments.class);
        assertEquals(List.of("not an email", "", "a@b@c"),
                batch.enrolments().stream().map(Enrolment::email).toList());
    }

    // ---- leniency inside data -------------------------------------------------------------------------------------

    @Test
    void missingFieldsAreNullAndMissingListsEmpty() {
        Enrolments enrolments = parse("{\"type\":\"enrolments\",\"data\":{\"enrolments\":[{}]}}", Enrolments.class);
        assertNull(enrolments.pathway());
        assertEquals(new Enrolment(null, null, null, null, null, null), enrolments.enrolments().get(0));

        Event event = parse(eventWith(""), Events.class).events().get(0);
        assertEquals(new Event(null, null, null, null, null, null, null, false, null, List.of()), event);

        Reward reward = parse("{\"type\":\"rewards\",\"data\":{\"pathway\":{},\"rewards\":[{\"vouchers\":null}]}}",
                Rewards.class).rewards().get(0);
        assertEquals(new Reward(null, null, List.of()), reward);

        assertEquals(List.of(), parse("{\"type\":\"events\",\"data\":{\"events\":null}}", Events.class).events());
        assertEquals(List.of(), parse("{\"type\":\"enrolments\",\"data\":{}}", Enrolments.class).enrolments());
    }

    @Test
    void scalarsOfAnotherKindAreConvertedWhereThePlainMeaningIsClearAndNullOtherwise() {
        EnrolmentStatus status = parse("{\"type\":\"enrolments\",\"data\":{\"pathway\":{\"name\":7,\"ID\":true},"
                + "\"enrolments\":[{\"email\":{\"a\":1},\"city\":[\"x\"],\"status\":{\"level\":\"3\",\"progress\":"
                + "90.0,\"version\":1,\"state\":null,\"timestamp\":\"yesterday\"}}]}}", Enrolments.class)
                .enrolments().get(0).status();
        assertEquals(3, status.level());
        assertEquals(90, status.progress());
        assertEquals("1", status.version());
        assertNull(status.state());
        assertEquals("yesterday", status.timestamp());
        assertEquals(Optional.empty(), status.parsedTimestamp());

        Enrolments batch = parse("{\"type\":\"enrolments\",\"data\":{\"pathway\":{\"name\":7,\"ID\":true},"
                + "\"enrolments\":[{\"email\":{\"a\":1},\"city\":[\"x\"]}]}}", Enrolments.class);
        assertEquals(new Pathway("7", "true"), batch.pathway());
        assertNull(batch.enrolments().get(0).email());
        assertNull(batch.enrolments().get(0).city());
    }

    @ParameterizedTest
    @ValueSource(strings = {"90.5", "\"90.5\"", "\"+90\"", "\"٩٠\"", "1e400", "-1e400", "99999999999",
            "\"99999999999\"", "\"\"", "\"-\"", "true", "{}", "[]", "123456789012345678901234567890"})
    void wholeNumbersThatAreNotReadableAreNull(String value) {
        Event event = parse(eventWith("\"booked\":" + value), Events.class).events().get(0);
        assertNull(event.booked(), value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "-3|-3", "\"7\"|7", "\" 7 \"|7", "4.0|4", "2147483647|2147483647",
            "\"-2147483648\"|-2147483648"})
    void wholeNumbersInAnyPlainFormAreRead(String value, int expected) {
        assertEquals(expected, parse(eventWith("\"booked\":" + value), Events.class).events().get(0).booked());
    }

    @Test
    void batchesKeepEveryItemInOrder() {
        Rewards batch = parse("{\"type\":\"rewards\",\"data\":{\"rewards\":[{\"ID\":\"a\",\"vouchers\":[{\"guid\":"
                + "\"1\"},{\"guid\":\"2\"}]},{\"ID\":\"b\"},{\"ID\":\"c\"}]}}", Rewards.class);
        assertEquals(List.of("a", "b", "c"), batch.rewards().stream().map(Reward::id).toList());
        assertEquals(List.of("1", "2"), batch.rewards().get(0).vouchers().stream().map(Voucher::guid).toList());
    }

    @Test
    void recordsAreImmutable() {
        Events batch = parse(FalkorEventCatalog.EVENTS_SAMPLE, Events.class);
        assertThrows(UnsupportedOperationException.class, () -> batch.events().clear());
        assertThrows(UnsupportedOperationException.class, () -> batch.events().get(0).attendees().clear());
        Rewards rewards = parse(FalkorEventCatalog.REWARDS_SAMPLE, Rewards.class);
        assertThrows(UnsupportedOperationException.class, () -> rewards.rewards().get(0).vouchers().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> parse(FalkorEventCatalog.ENROLMENTS_SAMPLE, Enrolments.class).enrolments().clear());
        assertEquals(List.of(), new Reward("a", "b", null).vouchers());
    }

    // ---- the envelope ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "this is not json                               | body is not JSON",
            "{\"type\":\"rewards\",\"data\":{}                 | body is not JSON",
            "{\"type\":\"rewards\",\"data\":{}}{}              | body is not JSON",
            "{\"type\":\"a\",\"type\":\"rewards\",\"data\":{}} | body is not JSON",
            "[{\"type\":\"rewards\",\"data\":{}}]              | body is not a JSON object",
            "\"rewards\"                                    | body is not a JSON object",
            "42                                             | body is not a JSON object",
            "null                                           | body is not a JSON object",
            "{}                                             | type is missing",
            "{\"data\":{}}                                   | type is missing",
            "{\"type\":null,\"data\":{}}                      | type is missing",
            "{\"Type\":\"rewards\",\"data\":{}}                | type is missing",
            "{\"type\":7,\"data\":{}}                         | type is not a string",
            "{\"type\":[\"rewards\"],\"data\":{}}              | type is not a string",
            "{\"type\":\" \",\"data\":{}}                      | type is empty",
            "{\"type\":\"rewards\"}                           | data is missing",
            "{\"type\":\"rewards\",\"data\":null}              | data is missing",
            "{\"type\":\"rewards\",\"data\":[]}                | data is not an object",
            "{\"type\":\"rewards\",\"data\":\"x\"}              | data is not an object",
            "{\"type\":\"brand.new\",\"data\":[]}              | data is not an object",
            "{\"type\":\"rewards\",\"data\":{\"pathway\":[]}}    | data.pathway is not an object",
            "{\"type\":\"rewards\",\"data\":{\"rewards\":{}}}    | data.rewards is not a list",
            "{\"type\":\"rewards\",\"data\":{\"rewards\":[1]}}   | data.rewards has an item that is not an object",
            "{\"type\":\"rewards\",\"data\":{\"rewards\":[null]}} | data.rewards has an item that is not an object",
            "{\"type\":\"rewards\",\"data\":{\"rewards\":[{\"vouchers\":\"x\"}]}} | data.rewards[].vouchers is not a list",
            "{\"type\":\"events\",\"data\":{\"events\":[{\"venue\":\"x\"}]}}     | data.events[].venue is not an object",
            "{\"type\":\"events\",\"data\":{\"events\":[{\"attendees\":[[]]}]}} "
                    + "| data.events[].attendees has an item that is not an object",
            "{\"type\":\"enrolments\",\"data\":{\"enrolments\":\"x\"}}          | data.enrolments is not a list",
            "{\"type\":\"enrolments\",\"data\":{\"enrolments\":[{\"status\":1}]}} "
                    + "| data.enrolments[].status is not an object"})
    void bodiesThatAreNotTheEnvelopeAreMalformedWithAFixedReason(String json, String reason) {
        assertEquals(reason, malformed(parser, json));
        assertEquals(reason, malformed(strict, json));
    }

    @Test
    void emptyAndBinaryBodiesAreMalformed() {
        assertEquals("body is empty", malformed(parser, ""));
        assertEquals("body is empty", malformed(parser, " \n "));
        ParseResult binary = parser.parse(new Delivery("falkor", Headers.empty(),
                new byte[] {(byte) 0xff, 0, (byte) 0xfe}, Instant.EPOCH));
        assertInstanceOf(ParseResult.Malformed.class, binary);
    }

    @Test
    void malformedReasonsNeverEchoTheBody() {
        String secretish = "SECRET-PAYLOAD-123";
        for (String json : List.of(secretish, "{\"type\":\"" + secretish + "\"", "[\"" + secretish + "\"]",
                "{\"type\":\"" + secretish + "\",\"data\":\"" + secretish + "\"}",
                "{\"type\":\"rewards\",\"data\":{\"rewards\":\"" + secretish + "\"}}")) {
            assertFalse(malformed(parser, json).contains(secretish));
        }
        assertFalse(malformed(strict, "{\"type\":\"" + secretish + "\",\"data\":{}}").contains(secretish));
    }

    @Test
    void deeplyNestedBodiesAreMalformedNotAStackOverflow() {
        String deep = "{\"type\":\"rewards\",\"data\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        assertEquals("body is not JSON", malformed(parser, deep));
    }

    // ---- unknown types and strict mode ----------------------------------------------------------------------------

    @Test
    void unknownTypeIsGenericKeepingTheRawJson() {
        String json = "{\"type\":\"certificates\",\"data\":{\"pathway\":{\"ID\":\"FA-1\"},\"certificates\":[]}}";
        GenericEvent event = parse(json, GenericEvent.class);
        assertEquals("falkor", event.vendor());
        assertEquals("certificates", event.type());
        assertEquals(json, event.json());
        assertEquals(body(json).bodySha256(), event.deliveryKey());
    }

    @Test
    void typeNamesAreCaseSensitive() {
        assertEquals("Rewards", parse("{\"type\":\"Rewards\",\"data\":{}}", GenericEvent.class).type());
    }

    @Test
    void strictModeMakesUnknownTypesMalformedButKeepsKnownOnes() {
        assertEquals("unknown event type", malformed(strict, "{\"type\":\"certificates\",\"data\":{}}"));
        for (EventType type : vendor().catalog().types()) {
            ParseResult result = strict.parse(body(type.sampleBody()));
            assertEquals(type.eventClass(), assertInstanceOf(ParseResult.Parsed.class, result).event().getClass());
        }
    }

    @Test
    void garbageNeverThrows() {
        Random random = new Random(20201009);
        List<String> seeds = List.of(FalkorEventCatalog.ENROLMENTS_SAMPLE, FalkorEventCatalog.EVENTS_SAMPLE,
                FalkorEventCatalog.REWARDS_SAMPLE, SPEC_BODY);
        String alphabet = "{}[]\":,0123456789.-eE truenflsa\\u00";
        for (String seed : seeds) {
            byte[] bytes = seed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int round = 0; round < 2_000; round++) {
                byte[] changed = bytes.clone();
                for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                    int at = random.nextInt(changed.length);
                    changed[at] = random.nextBoolean() ? (byte) random.nextInt(256)
                            : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
                for (Parser p : List.of(parser, strict)) {
                    ParseResult result = p.parse(new Delivery("falkor", Headers.empty(), changed, Instant.EPOCH));
                    assertNotNull(result);
                }
            }
            for (int cut = 0; cut <= bytes.length; cut++) {
                byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
                assertNotNull(parser.parse(new Delivery("falkor", Headers.empty(), truncated, Instant.EPOCH)));
            }
        }
    }

    @Test
    void everyTypedEventIsAPermittedFalkorEventAndInTheCatalog() {
        Set<Class<?>> permitted = Set.of(FalkorEvent.class.getPermittedSubclasses());
        Set<Class<?>> catalogued = vendor().catalog().types().stream().map(EventType::eventClass)
                .collect(Collectors.toSet());
        assertEquals(permitted, catalogued);
        assertTrue(FalkorEvent.class.isSealed());
    }
}
