package dev.hookyard.plugin.httpforward;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpForwardHandlerTest {

    private static final String PATH = "/services/T000/B000/secret-token";
    private static final String BODY = "{\"event\":\"record.created\", \"id\": 12.50,\n \"tags\":[true,null]}";

    /** Started before the first test and stopped after the last, on a free port. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(post(PATH).willReturn(ok()));
    }

    @Test
    void rawSendsTheBodyBytesWithTheOriginalContentTypeAndTheDeliveryKey() throws Exception {
        Outcome outcome = forward(Map.of(), TestEvents.event(BODY,
                Map.of("Content-Type", "application/vnd.least+json")));

        assertEquals(Outcome.done(), outcome);
        LoggedRequest request = onlyRequest();
        assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), request.getBody());
        assertEquals("application/vnd.least+json", request.getHeader("Content-Type"));
        assertEquals("delivery-1", request.getHeader("X-Hookyard-Delivery-Key"));
        assertFalse(request.containsHeader("X-Hookyard-Signature"));
    }

    @Test
    void rawWithoutAContentTypeSendsApplicationJson() throws Exception {
        forward(Map.of(), TestEvents.event(BODY, Map.of()));

        assertEquals("application/json", onlyRequest().getHeader("Content-Type"));
    }

    @Test
    void envelopeEmbedsAJsonBodyVerbatim() throws Exception {
        forward(Map.of("format", "envelope"), TestEvents.event(BODY, Map.of("Content-Type", "text/plain")));

        LoggedRequest request = onlyRequest();
        assertEquals("{\"endpoint\":\"crm\",\"vendor\":\"least\","
                + "\"type\":\"record.created\",\"deliveryKey\":\"delivery-1\",\"receivedAt\":\"2024-05-01T11:59:30Z\","
                + "\"body\":{\"event\":\"record.created\", \"id\": 12.50,\n \"tags\":[true,null]}}", request.getBodyAsString());
        assertEquals("application/json", request.getHeader("Content-Type"));
    }

    @Test
    void envelopeEmbedsANonJsonBodyAsAString() throws Exception {
        forward(Map.of("format", "envelope"), TestEvents.event("a=1&b=\"x\"\n{", Map.of()));

        assertTrue(onlyRequest().getBodyAsString().endsWith(",\"body\":\"a=1&b=\\\"x\\\"\\n{\"}"));
    }

    @Test
    void envelopeEmbedsTwoJsonValuesAsAString() throws Exception {
        forward(Map.of("format", "envelope"), TestEvents.event("{} {}", Map.of()));

        assertTrue(onlyRequest().getBodyAsString().endsWith(",\"body\":\"{} {}\"}"));
    }

    @Test
    void slackSendsATextMessageWithEscapedValues() throws Exception {
        forward(Map.of("format", "slack", "text", "<!here> *{{vendor}}* {{type}} at {{endpoint}}"),
                TestEvents.event("least", "a<b>&c", "k", BODY, Map.of()));

        LoggedRequest request = onlyRequest();
        assertEquals("{\"text\":\"<!here> *least* a&lt;b&gt;&amp;c at crm\"}", request.getBodyAsString());
        assertEquals("application/json", request.getHeader("Content-Type"));
    }

    @Test
    void slackHasADefaultText() throws Exception {
        forward(Map.of("format", "slack"), TestEvents.event(BODY, Map.of()));

        assertEquals(
                "{\"text\":\"least event record.created received on crm (delivery delivery-1)\"}", onlyRequest().getBodyAsString());
    }

    @Test
    void headerTemplatesAreFilledFromTheEventMetadata() throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Source", "hookyard/{{vendor}}/{{ type }}");
        headers.put("X-Meta", "{{endpoint}} {{deliveryKey}} {{receivedAt}}");
        headers.put("Authorization", "Bearer static-token");
        headers.put("Content-Type", "application/vnd.crm+json");

        forward(Map.of("headers", headers), TestEvents.event(BODY, Map.of()));

        LoggedRequest request = onlyRequest();
        assertEquals("hookyard/least/record.created", request.getHeader("X-Source"));
        assertEquals("crm delivery-1 2024-05-01T11:59:30Z", request.getHeader("X-Meta"));
        assertEquals("Bearer static-token", request.getHeader("Authorization"));
        assertEquals("application/vnd.crm+json", request.getHeader("Content-Type"));
    }

    @Test
    void valuesFromThePayloadCannotBreakAHeaderLine() throws Exception {
        forward(Map.of("headers", Map.of("X-Type", "{{type}}")),
                TestEvents.event("least", "evil\r\nX-Injected: 1", "key\nX-Also: 2", BODY, Map.of()));

        LoggedRequest request = onlyRequest();
        assertEquals("evil??X-Injected: 1", request.getHeader("X-Type"));
        assertEquals("key?X-Also: 2", request.getHeader("X-Hookyard-Delivery-Key"));
        assertFalse(request.containsHeader("X-Injected"));
        assertFalse(request.containsHeader("X-Also"));
    }

    @Test
    void theSignatureIsAnHmacOfTheExactBytesReceived() throws Exception {
        forward(Map.of("format", "envelope", "signingSecret", "s3cr3t"), TestEvents.event(BODY, Map.of()));

        LoggedRequest request = onlyRequest();
        assertEquals("sha256=" + hmacHex("s3cr3t",
                request.getBody()), request.getHeader("X-Hookyard-Signature"));
    }

    @Test
    void theSignatureHeaderNameIsConfigurable() throws Exception {
        forward(Map.of("signingSecret", "s3cr3t", "signatureHeader", "X-Signature-256"),
                TestEvents.event(BODY, Map.of()));

        LoggedRequest request = onlyRequest();
        assertEquals("sha256=" + hmacHex("s3cr3t",
                BODY.getBytes(StandardCharsets.UTF_8)), request.getHeader("X-Signature-256"));
        assertFalse(request.containsHeader("X-Hookyard-Signature"));
    }

    @Test
    void anyTwoHundredIsDone() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));

        assertEquals(Outcome.done(), forward(Map.of(), TestEvents.event(BODY, Map.of())));
    }

    @Test
    void aServerErrorThrowsWithTheStatusAndTheStartOfTheBody() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(500).withBody("boom\n" + "x".repeat(5000))));

        Exception failure = forwardFailure(Map.of());

        assertInstanceOf(ForwardFailedException.class, failure);
        assertTrue(failure.getMessage().startsWith("POST to http://localhost:" + server.getPort() + " answered 500: boom x"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("secret-token"));
        assertTrue(failure.getMessage().length() < 300);
    }

    @Test
    void aClientErrorIsRetriedToo() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(404).withBody("no_service")));

        assertTrue(forwardFailure(Map.of()).getMessage().endsWith("answered 404: no_service"));
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));

        assertTrue(forwardFailure(Map.of()).getMessage().contains("answered 302"));
        assertTrue(server.findAll(postRequestedFor(urlEqualTo("/elsewhere"))).isEmpty());
    }

    @Test
    void tooManyRequestsWithRetryAfterSecondsAsksForThatDelay() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        assertEquals(Outcome.retryAfter(Duration.ofSeconds(7)), forward(Map.of(), TestEvents.event(BODY, Map.of())));
    }

    @Test
    void unavailableWithARetryAfterDateAsksForTheTimeUntilThen() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "Wed, 01 May 2024 12:02:00 GMT")));

        assertEquals(Outcome.retryAfter(Duration.ofSeconds(120)),
                forward(Map.of(), TestEvents.event(BODY, Map.of())));
    }

    @Test
    void tooManyRequestsWithoutRetryAfterThrows() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(429)));

        assertTrue(forwardFailure(Map.of()).getMessage().contains("answered 429"));
    }

    @Test
    void aSlowAnswerTimesOut() {
        server.stubFor(post(PATH).willReturn(ok().withFixedDelay(3_000)));

        Exception failure = forwardFailure(Map.of("timeoutSeconds", 1));
        assertInstanceOf(ForwardFailedException.class, failure);
        assertTrue(failure.getMessage().contains("timed out after 1s"), failure.getMessage());
    }

    @Test
    void aRefusedConnectionThrows() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> options = Map.of("url", "http://localhost:" + closedPort + "/hook");
        try (Handler handler = new HttpForwardHandlerFactory().create(TestEvents.context(options))) {
            assertThrows(ForwardFailedException.class,
                    () -> handler.handle(TestEvents.event(BODY, Map.of())));
        }
    }

    @Test
    void concurrentCallsAllArrive() throws Exception {
        Map<String, Object> options = new HashMap<>(Map.of("url", server.baseUrl() + PATH));
        try (Handler handler = new HttpForwardHandlerFactory().create(TestEvents.context(options))) {
            List<Outcome> outcomes = java.util.stream.IntStream.range(0, 20).parallel()
                    .mapToObj(i -> handleUnchecked(handler, TestEvents.event("least", "t", "key-" + i, "{}",
                            Map.of())))
                    .toList();
            assertEquals(java.util.Collections.nCopies(20, Outcome.done()), outcomes);
        }
        assertEquals(20, server.findAll(postRequestedFor(urlEqualTo(PATH))).size());
    }

    private static Outcome handleUnchecked(Handler handler, dev.hookyard.spi.WebhookEvent event) {
        try {
            return handler.handle(event);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Outcome forward(Map<String, ?> options, dev.hookyard.spi.WebhookEvent event) throws Exception {
        Map<String, Object> all = new HashMap<>(options);
        all.putIfAbsent("url", server.baseUrl() + PATH);
        try (Handler handler = new HttpForwardHandlerFactory().create(TestEvents.context(all))) {
            return handler.handle(event);
        }
    }

    @Test
    void theHostsTraceContextIsSentOnAndOnlyWhenThereIsOne() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Map<String, Object> options = Map.of("url", server.baseUrl() + PATH);
        try (Handler handler = new HttpForwardHandlerFactory().create(TestEvents.context(options,
                () -> Map.of("traceparent", traceparent, "tracestate", "hy=1")))) {
            assertEquals(Outcome.done(), handler.handle(TestEvents.event(BODY, Map.of())));
        }
        LoggedRequest traced = onlyRequest();
        assertEquals(traceparent, traced.getHeader("traceparent"));
        assertEquals("hy=1", traced.getHeader("tracestate"));

        server.resetRequests();
        forward(Map.of(), TestEvents.event(BODY, Map.of()));
        assertFalse(onlyRequest().containsHeader("traceparent"), "a host that does not trace sends none");
    }

    private Exception forwardFailure(Map<String, ?> options) {
        return assertThrows(Exception.class,
                () -> forward(options, TestEvents.event(BODY, Map.of())));
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    private static String hmacHex(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
