package dev.hookyard.vendor.leah;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.leah.events.CustomField;
import dev.hookyard.vendor.leah.events.LeahEvent;
import dev.hookyard.vendor.leah.events.LeahUser;
import dev.hookyard.vendor.leah.events.OnboardingFinished;
import dev.hookyard.vendor.leah.events.OverallLevel;
import dev.hookyard.vendor.leah.events.OverallResult;
import dev.hookyard.vendor.leah.events.Partner;
import dev.hookyard.vendor.leah.events.Perception;
import dev.hookyard.vendor.leah.events.PersonalInformation;
import dev.hookyard.vendor.leah.events.PlacementResult;
import dev.hookyard.vendor.leah.events.PlacementTest;
import dev.hookyard.vendor.leah.events.PlacementTestFinished;
import dev.hookyard.vendor.leah.events.Proficiency;
import dev.hookyard.vendor.leah.events.SpeakingResult;
import dev.hookyard.vendor.leah.events.SpeakingTest;
import dev.hookyard.vendor.leah.events.SpeakingTestFinished;
import dev.hookyard.vendor.leah.events.UserRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.hookyard.vendor.leah.LeahVendors.DOC_EVENTS;
import static dev.hookyard.vendor.leah.LeahVendors.delivery;
import static dev.hookyard.vendor.leah.LeahVendors.docBody;
import static dev.hookyard.vendor.leah.LeahVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeahParserTest {

    /** The user every leah.txt sample but OVERALL_LEVEL's carries. */
    private static final LeahUser DOC_USER = new LeahUser("65e9c4884805c146b5770c61", new PersonalInformation(
            "johndoe@example.com", "Doe", "John", "+573334445555", "https://cdn.example.com/pictures/profile.jpg",
            List.of(new CustomField("doc_type", "CC"), new CustomField("doc_number", "1048222222"))));
    private static final Partner DOC_PARTNER = new Partner("662fc3c33eb47f6dcb97c71e", "Test Partner", null);
    private static final List<String> DOC_EXTERNAL_IDS = List.of("random-external-id");

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

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    // ---- leah.txt's sample requests, verbatim -------------------------------------------------------------------

    @Test
    void docUserRegistered() {
        UserRegistered event = parse(docBody("USER_REGISTERED"), UserRegistered.class);
        assertEquals(DOC_USER, event.user());
        assertEquals(DOC_PARTNER, event.partner());
        assertEquals(Instant.parse("2024-03-07T13:43:40.674Z"), event.date());
        assertEquals(DOC_EXTERNAL_IDS, event.externalIds());
        assertEquals("USER_REGISTERED", event.type());
        assertEquals("leah", event.vendor());
    }

    @Test
    void docOnboardingFinished() {
        OnboardingFinished event = parse(docBody("ONBOARDING_FINISHED"), OnboardingFinished.class);
        assertEquals(new Perception("CO", "Atlantico", new Proficiency(5, 4, 3, 2, 1), "B2", "BETWEEN_3_AND_5_YEARS",
                "INCREASE_YOUR_KNOWLEDGE", List.of("General English", "Technology")), event.perception());
        assertEquals(DOC_USER, event.user());
        assertEquals(DOC_PARTNER, event.partner());
        assertEquals(Instant.parse("2024-09-02T14:31:28.757Z"), event.date());
        assertEquals(DOC_EXTERNAL_IDS, event.externalIds());
    }

    @Test
    void docPlacementTestFinished() {
        PlacementTestFinished event = parse(docBody("PLACEMENT_TEST_FINISHED"), PlacementTestFinished.class);
        assertEquals(new PlacementTest("65e9c74f4805c146b5770d4c", Instant.parse("2024-03-07T13:55:27.709Z"),
                Instant.parse("2024-03-07T13:56:27.846Z"), 36, new PlacementResult("A1", "A1.2", dec("7.61"),
                dec("2.65"), dec("24.26"), dec("26.83"),
                "https://static.leahapp.com/certificates/diagnostic/fee7d137-8119-4ee7-b4f3.pdf")), event.test());
        assertEquals(DOC_USER, event.user());
        assertEquals(DOC_PARTNER, event.partner());
        assertEquals(Instant.parse("2024-03-07T13:56:27.846Z"), event.date());
        assertEquals(DOC_EXTERNAL_IDS, event.externalIds());
    }

    @Test
    void docSpeakingTestFinished() {
        SpeakingTestFinished event = parse(docBody("SPEAKING_TEST_FINISHED"), SpeakingTestFinished.class);
        assertEquals(new SpeakingTest("65e9c9384805c146b57710bc", Instant.parse("2024-03-07T14:03:36.894Z"),
                Instant.parse("2024-03-07T14:05:45.078Z"), 3, true, new SpeakingResult("Pre-A1", "Pre-A1",
                dec("42.87"), dec("41.49"), dec("39.54"), dec("59.31"), dec("38.86"),
                "https://static.leahapp.com/certificates/speaking/e8b40139-c654-4fd3-bb14.pdf")), event.test());
        assertEquals(DOC_USER, event.user());
        assertEquals(DOC_PARTNER, event.partner());
        assertEquals(Instant.parse("2024-03-07T14:05:45.078Z"), event.date());
        assertEquals(DOC_EXTERNAL_IDS, event.externalIds());
    }

    @Test
    void docOverallLevelWithoutPdfsPictureOrCustomFieldsAndWithAPartnerCode() {
        OverallLevel event = parse(docBody("OVERALL_LEVEL"), OverallLevel.class);
        assertEquals(new OverallResult(dec("27.4"), "Level 1", "Sublevel 1.1"), event.overall());
        assertEquals(new SpeakingTest("663d0406c293f8d5895f639c", Instant.parse("2024-05-09T17:12:38.616Z"),
                Instant.parse("2024-05-09T17:15:20.238Z"), 3, false, new SpeakingResult("Pre-A1", "Pre-A1",
                dec("0"), dec("0"), dec("0"), dec("0"), dec("0"), null)), event.speakingTest());
        assertEquals(new PlacementTest("6647c08136ec32eb28152cf6", Instant.parse("2024-05-17T20:39:29.218Z"),
                Instant.parse("2024-05-17T20:41:09.135Z"), 36, new PlacementResult("Level 1", "Sublevel 1.1",
                dec("21.75"), dec("23.37"), dec("21.09"), dec("31.68"), null)), event.placementTest());
        assertEquals(new LeahUser("660b2921fd05f52867c408e1", new PersonalInformation("johndoe@example.com", "Doe",
                "John", "+573334445555", null, List.of())), event.user());
        assertEquals(new Partner("6408f36388f7f41b188288a6", "Test Partner", "0000"), event.partner());
        assertEquals(Instant.parse("2024-05-17T20:41:23.238Z"), event.date());
        assertEquals(List.of(), event.externalIds());
    }

    @Test
    void docCurlExampleIsPrettyPrintedAndHasNoPartner() {
        UserRegistered event = parse(docBody("curl-USER_REGISTERED"), UserRegistered.class);
        assertEquals(DOC_USER, event.user());
        assertNull(event.partner());
        assertEquals(Instant.parse("2024-03-07T13:43:40.674Z"), event.date());
        assertEquals(DOC_EXTERNAL_IDS, event.externalIds());
    }

    @Test
    void everyDocSampleHasItsBodyShaAsKeyAndKeepsItsDelivery() {
        for (String name : DOC_EVENTS) {
            Delivery delivery = body(docBody(name));
            LeahEvent event = assertInstanceOf(LeahEvent.class,
                    ((ParseResult.Parsed) strict.parse(delivery)).event(), name);
            assertEquals(name, event.type());
            assertEquals(delivery.bodySha256(), event.deliveryKey());
            assertSame(delivery, event.delivery());
            assertEquals(parser.parse(delivery), parser.parse(delivery), "deterministic");
        }
    }

    @Test
    void commonPartsAreReadableWithoutKnowingTheType() {
        for (String name : DOC_EVENTS) {
            LeahEvent event = parse(docBody(name), LeahEvent.class);
            assertNotNull(event.user().id());
            assertEquals("johndoe@example.com", event.user().personalInformation().email());
            assertEquals("Test Partner", event.partner().name());
            assertNotNull(event.date());
        }
    }

    // ---- leniency (SPEC.md: payloads vary) -----------------------------------------------------------------------

    @Test
    void onlyTheEventNameIsRequired() {
        for (String name : DOC_EVENTS) {
            LeahEvent event = parse("{\"event\":\"" + name + "\"}", LeahEvent.class);
            assertNull(event.user());
            assertNull(event.partner());
            assertNull(event.date());
            assertEquals(List.of(), event.externalIds());
        }
        assertNull(parse("{\"event\":\"OVERALL_LEVEL\"}", OverallLevel.class).overall());
        assertNull(parse("{\"event\":\"PLACEMENT_TEST_FINISHED\"}", PlacementTestFinished.class).test());
        assertNull(parse("{\"event\":\"ONBOARDING_FINISHED\"}", OnboardingFinished.class).perception());
    }

    @Test
    void nullIsTheSameAsAbsent() {
        UserRegistered event = parse("{\"event\":\"USER_REGISTERED\",\"user\":{\"id\":null,\"personalInformation\":"
                + "{\"picture\":null,\"customFields\":null}},\"partner\":null,\"date\":null,\"externalIds\":null}",
                UserRegistered.class);
        assertEquals(new LeahUser(null, new PersonalInformation(null, null, null, null, null, List.of())),
                event.user());
        assertNull(event.partner());
        assertNull(event.date());
        assertEquals(List.of(), event.externalIds());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "null       | NULL",
            "\"0000\"   | 0000",
            "\"\"       | ''"})
    void partnerCodeIsNullOrAString(String json, String code) {
        assertEquals(code, parse("{\"event\":\"USER_REGISTERED\",\"partner\":{\"id\":\"p\",\"code\":" + json + "}}",
                UserRegistered.class).partner().code());
    }

    @Test
    void partnerWithoutCodeOrNameStillParses() {
        assertEquals(new Partner("p", null, null), parse("{\"event\":\"USER_REGISTERED\",\"partner\":{\"id\":\"p\"}}",
                UserRegistered.class).partner());
    }

    @Test
    void testsWithoutResultOrPdf() {
        PlacementTestFinished placement = parse("{\"event\":\"PLACEMENT_TEST_FINISHED\",\"test\":{\"id\":\"t\"}}",
                PlacementTestFinished.class);
        assertEquals(new PlacementTest("t", null, null, null, null), placement.test());
        SpeakingTestFinished speaking = parse("{\"event\":\"SPEAKING_TEST_FINISHED\",\"test\":{\"result\":"
                + "{\"level\":\"B1\"}}}", SpeakingTestFinished.class);
        assertEquals(new SpeakingResult("B1", null, null, null, null, null, null, null), speaking.test().result());
        OverallLevel overall = parse("{\"event\":\"OVERALL_LEVEL\",\"overall\":{\"score\":1},\"placementTest\":"
                + "{\"id\":\"p\"}}", OverallLevel.class);
        assertNull(overall.speakingTest());
        assertEquals("p", overall.placementTest().id());
    }

    @Test
    void emptyArraysAndNullEntriesAreEmpty() {
        OnboardingFinished event = parse("{\"event\":\"ONBOARDING_FINISHED\",\"externalIds\":[null,\"a\",null],"
                + "\"user\":{\"personalInformation\":{\"customFields\":[null,{\"name\":\"n\"}]}},"
                + "\"perception\":{\"topicsOfInterest\":[]}}", OnboardingFinished.class);
        assertEquals(List.of("a"), event.externalIds());
        assertEquals(List.of(new CustomField("n", null)), event.user().personalInformation().customFields());
        assertEquals(List.of(), event.perception().topicsOfInterest());
    }

    @Test
    void unknownFieldsAreIgnoredAndKeptInTheRawBody() {
        String json = "{\"event\":\"USER_REGISTERED\",\"user\":{\"id\":\"u\",\"brandNew\":{\"x\":[1]}},\"extra\":1}";
        UserRegistered event = parse(json, UserRegistered.class);
        assertEquals("u", event.user().id());
        assertEquals(json, event.delivery().bodyText());
    }

    @Test
    void timestampsWithAnOffsetAreAccepted() {
        assertEquals(Instant.parse("2024-03-07T11:43:40.674Z"), parse("{\"event\":\"USER_REGISTERED\","
                + "\"date\":\"2024-03-07T13:43:40.674+02:00\"}", UserRegistered.class).date());
        assertEquals(Instant.parse("2024-03-07T13:43:40Z"), parse("{\"event\":\"USER_REGISTERED\","
                + "\"date\":\"2024-03-07T13:43:40Z\"}", UserRegistered.class).date());
    }

    @Test
    void scoresAreExactAsSent() {
        OverallLevel event = parse("{\"event\":\"OVERALL_LEVEL\",\"overall\":{\"score\":27.40}}", OverallLevel.class);
        assertEquals("27.40", event.overall().score().toPlainString());
    }

    // ---- malformed -------------------------------------------------------------------------------------------------

    /** Bodies with a field of the wrong JSON type, with {@code '} for {@code "}, and the reason expected. */
    static Stream<Arguments> wrongJsonTypes() {
        return Stream.of(
                wrong("USER_REGISTERED", "'user':'u1'", "user is not an object"),
                wrong("USER_REGISTERED", "'user':[]", "user is not an object"),
                wrong("USER_REGISTERED", "'user':{'id':7}", "user.id is not a string"),
                wrong("USER_REGISTERED", "'user':{'personalInformation':1}",
                        "user.personalInformation is not an object"),
                wrong("USER_REGISTERED", "'user':{'personalInformation':{'email':[]}}",
                        "user.personalInformation.email is not a string"),
                wrong("USER_REGISTERED", "'user':{'personalInformation':{'customFields':{}}}",
                        "user.personalInformation.customFields is not an array"),
                wrong("USER_REGISTERED", "'user':{'personalInformation':{'customFields':[{},'x']}}",
                        "user.personalInformation.customFields[1] is not an object"),
                wrong("USER_REGISTERED", "'user':{'personalInformation':{'customFields':[{'value':1}]}}",
                        "user.personalInformation.customFields[0].value is not a string"),
                wrong("USER_REGISTERED", "'partner':'Test Partner'", "partner is not an object"),
                wrong("USER_REGISTERED", "'partner':{'code':0}", "partner.code is not a string"),
                wrong("USER_REGISTERED", "'date':1709819020674", "date is not a string"),
                wrong("USER_REGISTERED", "'date':'yesterday'", "date is not an ISO-8601 timestamp"),
                wrong("USER_REGISTERED", "'date':'2024-03-07'", "date is not an ISO-8601 timestamp"),
                wrong("USER_REGISTERED", "'externalIds':'random'", "externalIds is not an array"),
                wrong("USER_REGISTERED", "'externalIds':[1]", "externalIds[0] is not a string"),
                wrong("ONBOARDING_FINISHED", "'perception':[]", "perception is not an object"),
                wrong("ONBOARDING_FINISHED", "'perception':{'proficiency':{'writing':2.5}}",
                        "perception.proficiency.writing is not a whole number"),
                wrong("ONBOARDING_FINISHED", "'perception':{'proficiency':{'writing':'2'}}",
                        "perception.proficiency.writing is not a whole number"),
                wrong("ONBOARDING_FINISHED", "'perception':{'topicsOfInterest':[{}]}",
                        "perception.topicsOfInterest[0] is not a string"),
                wrong("PLACEMENT_TEST_FINISHED", "'test':{'questionCount':1e99}",
                        "test.questionCount is not a whole number"),
                wrong("PLACEMENT_TEST_FINISHED", "'test':{'questionCount':4294967296}",
                        "test.questionCount is not a whole number"),
                wrong("PLACEMENT_TEST_FINISHED", "'test':{'start':true}", "test.start is not a string"),
                wrong("PLACEMENT_TEST_FINISHED", "'test':{'result':{'score':'7.61'}}",
                        "test.result.score is not a number"),
                wrong("PLACEMENT_TEST_FINISHED", "'test':{'result':{'pdf':{}}}", "test.result.pdf is not a string"),
                wrong("SPEAKING_TEST_FINISHED", "'test':{'isValid':'true'}", "test.isValid is not true or false"),
                wrong("SPEAKING_TEST_FINISHED", "'test':{'result':[]}", "test.result is not an object"),
                wrong("OVERALL_LEVEL", "'overall':{'score':'high'}", "overall.score is not a number"),
                wrong("OVERALL_LEVEL", "'speakingTest':{'isValid':0}", "speakingTest.isValid is not true or false"),
                wrong("OVERALL_LEVEL", "'placementTest':'p'", "placementTest is not an object"));
    }

    private static Arguments wrong(String event, String fields, String reason) {
        return Arguments.of(("{'event':'" + event + "'," + fields + "}").replace('\'', '"'), reason);
    }

    @ParameterizedTest
    @MethodSource("wrongJsonTypes")
    void wrongJsonTypesAreMalformedNamingTheField(String json, String reason) {
        assertEquals(reason, malformed(parser, json));
        assertEquals(reason, malformed(strict, json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                      | body is not JSON",
            "{\"event\":\"USER_REGISTERED\"                | body is not JSON",
            "{\"event\":\"USER_REGISTERED\"} trailing      | body is not JSON",
            "{\"event\":\"USER_REGISTERED\"}{}             | body is not JSON",
            "{\"event\":\"X\",\"event\":\"USER_REGISTERED\"} | body is not JSON",
            "[{\"event\":\"USER_REGISTERED\"}]             | body is not a JSON object",
            "\"USER_REGISTERED\"                           | body is not a JSON object",
            "42                                            | body is not a JSON object",
            "null                                          | body is not a JSON object",
            "{}                                            | event is missing",
            "{\"event\":null}                              | event is missing",
            "{\"Event\":\"USER_REGISTERED\"}               | event is missing",
            "{\"type\":\"USER_REGISTERED\"}                | event is missing",
            "{\"event\":1}                                 | event is not a string",
            "{\"event\":{\"name\":\"USER_REGISTERED\"}}    | event is not a string",
            "{\"event\":\" \"}                             | event is empty"})
    void bodiesThatAreNotTheEnvelopeAreMalformedWithAFixedReason(String json, String reason) {
        assertEquals(reason, malformed(parser, json));
        assertEquals(reason, malformed(strict, json));
    }

    @Test
    void emptyAndBinaryBodiesAreMalformed() {
        assertEquals("body is empty", malformed(parser, ""));
        assertEquals("body is empty", malformed(parser, " \n"));
        assertInstanceOf(ParseResult.Malformed.class, parser.parse(new Delivery("leah", Headers.empty(),
                new byte[] {(byte) 0xff, 0, (byte) 0xfe}, Instant.EPOCH)));
    }

    @Test
    void malformedReasonsNeverEchoTheBody() {
        String secretish = "SECRET-PAYLOAD-123";
        for (String json : List.of(secretish, "{\"event\":\"" + secretish + "\"", "[\"" + secretish + "\"]",
                "{\"event\":\"USER_REGISTERED\",\"date\":\"" + secretish + "\"}",
                "{\"event\":\"USER_REGISTERED\",\"user\":{\"" + secretish + "\":1,\"id\":1}}")) {
            assertFalse(malformed(parser, json).contains(secretish), json);
        }
        assertFalse(malformed(strict, "{\"event\":\"" + secretish + "\"}").contains(secretish));
    }

    @Test
    void deeplyNestedBodiesAreMalformedNotAStackOverflow() {
        String deep = "{\"event\":\"USER_REGISTERED\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals("body is not JSON", malformed(parser, deep));
    }

    // ---- unknown events and strict mode --------------------------------------------------------------------------

    @Test
    void unknownEventIsGenericKeepingTheRawJson() {
        String json = "{\"event\":\"LESSON_FINISHED\",\"user\":{\"id\":\"u\"}}";
        GenericEvent event = parse(json, GenericEvent.class);
        assertEquals("leah", event.vendor());
        assertEquals("LESSON_FINISHED", event.type());
        assertEquals(json, event.json());
        assertEquals(body(json).bodySha256(), event.deliveryKey());
    }

    @Test
    void unknownEventsAreNotCheckedForShape() {
        // Its fields may mean anything: a user that is a string is not ours to reject.
        assertEquals("NEW", parse("{\"event\":\"NEW\",\"user\":\"u\"}", GenericEvent.class).type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_registered", "User_Registered", "USER-REGISTERED", "USER_REGISTERED "})
    void eventNamesAreExact(String name) {
        assertEquals(name, parse("{\"event\":\"" + name + "\"}", GenericEvent.class).type());
        assertEquals("unknown event type", malformed(strict, "{\"event\":\"" + name + "\"}"));
    }

    @Test
    void strictModeMakesUnknownEventsMalformedButKeepsKnownOnes() {
        assertEquals("unknown event type", malformed(strict, "{\"event\":\"LESSON_FINISHED\"}"));
        for (String name : DOC_EVENTS) {
            assertInstanceOf(ParseResult.Parsed.class, strict.parse(body(docBody(name))), name);
        }
    }

    // ---- records ---------------------------------------------------------------------------------------------------

    @Test
    void listsAreUnmodifiable() {
        OnboardingFinished event = parse(docBody("ONBOARDING_FINISHED"), OnboardingFinished.class);
        assertThrows(UnsupportedOperationException.class, () -> event.externalIds().clear());
        assertThrows(UnsupportedOperationException.class, () -> event.perception().topicsOfInterest().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> event.user().personalInformation().customFields().clear());
    }

    @Test
    void everyTypedEventIsAPermittedLeahEventAndInTheCatalog() {
        Set<Class<?>> permitted = Set.of(LeahEvent.class.getPermittedSubclasses());
        Set<Class<?>> catalogued = vendor().catalog().types().stream().map(EventType::eventClass)
                .collect(Collectors.toSet());
        assertEquals(permitted, catalogued);
        assertTrue(LeahEvent.class.isSealed());
    }

    // ---- garbage ---------------------------------------------------------------------------------------------------

    @Test
    void neverThrowsOnMutatedSamplesOrRandomBytes() {
        Random random = new Random(20240307);
        for (String name : DOC_EVENTS) {
            byte[] sample = docBody(name).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2_000; i++) {
                byte[] mutated = sample.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                assertNotNull(strict.parse(new Delivery("leah", Headers.empty(), mutated, Instant.EPOCH)));
                assertNotNull(parser.parse(new Delivery("leah", Headers.empty(), mutated, Instant.EPOCH)));
            }
        }
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            assertNotNull(parser.parse(new Delivery("leah", Headers.empty(), noise, Instant.EPOCH)));
        }
    }
}
