package dev.hookyard.plugin.absorbenrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler against a WireMock server playing both Absorb's Integration API and the forward target. */
class AbsorbEnrichHandlerTest {

    private static final String USER_ID = "8b1d5c3e-0f7a-4e29-b6d4-71c2a9e5f380";
    private static final String COURSE_ID = "5e2d0c1a-9b8f-4a7e-8d6c-1f2e3a4b5c6d";
    private static final String USER_JSON = "{\"id\":\"" + USER_ID + "\",\"username\":\"ada\",\"firstName\":\"Ada\","
            + "\"lastName\":\"Lovelace\",\"emailAddress\":\"ada@example.com\"}";
    private static final String COURSE_JSON = "{\"id\":\"" + COURSE_ID + "\",\"name\":\"Analytical Engines 101\"}";
    private static final String USER_CREATED = "{\"eventName\":\"User Created\",\"userId\":\"" + USER_ID + "\","
            + "\"adminId\":\"c47a90e2\",\"clientId\":\"3f0e2a91\",\"correlationId\":\"corr-1\",\"score\":12.50}";
    private static final String TOKEN = "token-1";
    private static final String AUTHENTICATE_BODY =
            "{\"username\":\"api-admin\",\"password\":\"pa55word\",\"privateKey\":\"pr1vate-key\"}";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Started before the first test and stopped after the last, on a free port. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private Handler handler;

    @BeforeEach
    void stubAbsorbAndTarget() {
        server.resetAll();
        server.stubFor(post("/authenticate").withRequestBody(equalToJson(AUTHENTICATE_BODY))
                .willReturn(okJson("\"" + TOKEN + "\"")));
        server.stubFor(get("/users/" + USER_ID).withHeader("Authorization", equalTo(TOKEN))
                .withHeader("x-api-key", equalTo("pr1vate-key")).willReturn(okJson(USER_JSON)));
        server.stubFor(get("/courses/" + COURSE_ID).withHeader("Authorization", equalTo(TOKEN))
                .willReturn(okJson(COURSE_JSON)));
        server.stubFor(post("/forward").willReturn(aResponse().withStatus(200)));
        handler = handler(Map.of());
    }

    @AfterEach
    void closeHandler() throws Exception {
        handler.close();
    }

    @Test
    void authenticatesFetchesTheUserAndForwardsTheEnrichedEvent() throws Exception {
        assertEquals(Outcome.done(), handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));

        LoggedRequest authenticate = server.findAll(postRequestedFor(urlEqualTo("/authenticate"))).get(0);
        assertEquals("pr1vate-key", authenticate.getHeader("x-api-key"));
        LoggedRequest forwarded = onlyForward();
        assertEquals("{\"eventName\":\"User Created\",\"userId\":\"" + USER_ID + "\",\"adminId\":\"c47a90e2\","
                + "\"clientId\":\"3f0e2a91\",\"correlationId\":\"corr-1\",\"score\":12.50,\"user\":" + USER_JSON + "}",
                forwarded.getBodyAsString());
        assertEquals("application/json", forwarded.getHeader("Content-Type"));
        assertEquals("corr-1", forwarded.getHeader("X-Hookyard-Delivery-Key"));
    }

    @Test
    void fetchesTheCourseWhenTheEventNamesOne() throws Exception {
        String body = "{\"EventName\":\"Enrollment Completed by Learner\",\"UserID\":\"" + USER_ID + "\","
                + "\"course_id\":\"" + COURSE_ID + "\",\"CorrelationId\":\"corr-2\"}";

        assertEquals(Outcome.done(), handler.handle(TestEvents.absorb("corr-2", body)));

        JsonNode forwarded = JSON.readTree(onlyForward().getBodyAsString());
        assertEquals(JSON.readTree(USER_JSON), forwarded.get("user"));
        assertEquals(JSON.readTree(COURSE_JSON), forwarded.get("course"));
        assertEquals("corr-2", forwarded.get("CorrelationId").asText());
    }

    @Test
    void reusesTheTokenAcrossEvents() throws Exception {
        handler.handle(TestEvents.absorb("corr-1", USER_CREATED));
        handler.handle(TestEvents.absorb("corr-3", USER_CREATED.replace("corr-1", "corr-3")));

        server.verify(1, postRequestedFor(urlEqualTo("/authenticate")));
        server.verify(2, getRequestedFor(urlEqualTo("/users/" + USER_ID)));
        server.verify(2, postRequestedFor(urlEqualTo("/forward")));
    }

    @Test
    void concurrentFirstEventsAuthenticateOnce() {
        List<Outcome> outcomes = IntStream.range(0, 16).parallel()
                .mapToObj(i -> handleUnchecked(TestEvents.absorb("corr-" + i, USER_CREATED)))
                .toList();

        assertEquals(Collections.nCopies(16, Outcome.done()), outcomes);
        server.verify(1, postRequestedFor(urlEqualTo("/authenticate")));
        server.verify(16, postRequestedFor(urlEqualTo("/forward")));
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRetried() throws Exception {
        server.stubFor(post("/authenticate").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("\"old-token\"")).willSetStateTo("renewed"));
        server.stubFor(post("/authenticate").inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(okJson("\"" + TOKEN + "\"")));
        server.stubFor(get("/users/" + USER_ID).withHeader("Authorization", equalTo("old-token"))
                .willReturn(aResponse().withStatus(401)));

        assertEquals(Outcome.done(), handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));

        server.verify(2, postRequestedFor(urlEqualTo("/authenticate")));
        server.verify(1, getRequestedFor(urlEqualTo("/users/" + USER_ID)).withHeader("Authorization",
                equalTo("old-token")));
        server.verify(1, getRequestedFor(urlEqualTo("/users/" + USER_ID)).withHeader("Authorization",
                equalTo(TOKEN)));
        assertTrue(onlyForward().getBodyAsString().contains("\"user\":{"));
    }

    @Test
    void aSecondUnauthorizedAnswerFailsWithoutLooping() {
        server.stubFor(get("/users/" + USER_ID).willReturn(aResponse().withStatus(401).withBody("expired")));

        Exception failure = assertThrows(CallFailedException.class,
                () -> handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));

        assertTrue(failure.getMessage().contains("answered 401: expired"), failure.getMessage());
        server.verify(2, postRequestedFor(urlEqualTo("/authenticate")));
        server.verify(2, getRequestedFor(urlEqualTo("/users/" + USER_ID)));
        server.verify(0, postRequestedFor(urlEqualTo("/forward")));
    }

    @Test
    void refusedCredentialsFailWithoutShowingThem() {
        server.stubFor(post("/authenticate").willReturn(aResponse().withStatus(401).withBody("Invalid credentials")));

        Exception failure = assertThrows(CallFailedException.class,
                () -> handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));

        assertTrue(failure.getMessage().contains("check the username, password and privateKey"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("pa55word"));
        assertFalse(failure.getMessage().contains("pr1vate-key"));
    }

    @Test
    void tooManyRequestsFromAbsorbAsksForTheRetryAfterDelay() throws Exception {
        server.stubFor(get("/users/" + USER_ID).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        assertEquals(Outcome.retryAfter(Duration.ofSeconds(30)),
                handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));
        server.verify(0, postRequestedFor(urlEqualTo("/forward")));
    }

    @Test
    void tooManyRequestsOnAuthenticateAsksForTheRetryAfterDate() throws Exception {
        server.stubFor(post("/authenticate").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Wed, 01 May 2024 12:01:00 GMT")));

        assertEquals(Outcome.retryAfter(Duration.ofSeconds(60)),
                handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));
    }

    @Test
    void aServerErrorFromAbsorbThrows() {
        server.stubFor(get("/users/" + USER_ID).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        Exception failure = assertThrows(CallFailedException.class,
                () -> handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));

        assertEquals("GET " + server.baseUrl() + "/users/" + USER_ID + " answered 502: Bad Gateway",
                failure.getMessage());
        server.verify(0, postRequestedFor(urlEqualTo("/forward")));
    }

    @Test
    void anUnknownUserIsForwardedAsNull() throws Exception {
        server.stubFor(get("/users/" + USER_ID).willReturn(aResponse().withStatus(404)));

        assertEquals(Outcome.done(), handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));

        JsonNode forwarded = JSON.readTree(onlyForward().getBodyAsString());
        assertTrue(forwarded.get("user").isNull());
        assertEquals("User Created", forwarded.get("eventName").asText());
    }

    @Test
    void anEventNamingNoRecordIsForwardedAsItIs() throws Exception {
        String body = "{\"eventName\":\"Department Created\",\"clientId\":\"3f0e2a91\",\"correlationId\":\"c\"}";

        assertEquals(Outcome.done(), handler.handle(TestEvents.absorb("c", body)));

        assertEquals(body, onlyForward().getBodyAsString());
        server.verify(0, postRequestedFor(urlEqualTo("/authenticate")));
    }

    @Test
    void idsAreOnePathSegment() throws Exception {
        server.stubFor(get(urlPathMatching("/users/.*")).willReturn(okJson("{}")));

        handler.handle(TestEvents.absorb("c", "{\"userId\":\"a b?c=1\"}"));
        handler.handle(TestEvents.absorb("d", "{\"userId\":\"..\"}"));

        server.verify(1, getRequestedFor(urlEqualTo("/users/a%20b%3Fc%3D1")));
        server.verify(1, getRequestedFor(urlPathMatching("/users/.*")));
        server.verify(2, postRequestedFor(urlEqualTo("/forward")));
    }

    @Test
    void aForwardTargetErrorThrows() {
        server.stubFor(post("/forward").willReturn(aResponse().withStatus(500).withBody("downstream down")));

        Exception failure = assertThrows(CallFailedException.class,
                () -> handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));

        assertEquals("POST to " + server.baseUrl() + " answered 500: downstream down", failure.getMessage());
    }

    @Test
    void aForwardTargetAskingToWaitGivesRetryAfter() throws Exception {
        server.stubFor(post("/forward").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));

        assertEquals(Outcome.retryAfter(Duration.ofSeconds(5)),
                handler.handle(TestEvents.absorb("corr-1", USER_CREATED)));
    }

    @Test
    void aSlowAbsorbTimesOut() throws Exception {
        server.stubFor(get("/users/" + USER_ID).willReturn(okJson(USER_JSON).withFixedDelay(3_000)));
        try (Handler quick = handler(Map.of("timeoutSeconds", 1))) {
            Exception failure = assertThrows(CallFailedException.class,
                    () -> quick.handle(TestEvents.absorb("corr-1", USER_CREATED)));
            assertTrue(failure.getMessage().endsWith("timed out after 1s"), failure.getMessage());
        }
    }

    @Test
    void eventsFromOtherVendorsAreDropped() throws Exception {
        Outcome outcome = handler.handle(TestEvents.event("least", "k", USER_CREATED));

        Outcome.Drop drop = assertInstanceOf(Outcome.Drop.class, outcome);
        assertTrue(drop.reason().startsWith("not an Absorb event"), drop.reason());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsDropped() throws Exception {
        assertInstanceOf(Outcome.Drop.class, handler.handle(TestEvents.absorb("k", "[1,2]")));
        assertInstanceOf(Outcome.Drop.class, handler.handle(TestEvents.absorb("k", "not json")));
        assertEquals(0, server.getAllServeEvents().size());
    }

    private Outcome handleUnchecked(WebhookEvent event) {
        try {
            return handler.handle(event);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Handler handler(Map<String, ?> overrides) {
        return TestEvents.handler(server.baseUrl(), overrides);
    }

    private static LoggedRequest onlyForward() {
        List<LoggedRequest> forwards = server.findAll(postRequestedFor(urlEqualTo("/forward")));
        assertEquals(1, forwards.size());
        return forwards.get(0);
    }
}
