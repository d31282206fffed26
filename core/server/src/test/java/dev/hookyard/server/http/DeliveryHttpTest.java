package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_BODY;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static dev.hookyard.server.testing.LeastFixtures.keyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RawHttp;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.vendor.least.events.RecordCreated;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery path over real HTTP against a real server: status codes, bodies, storing and handing over. */
class DeliveryHttpTest {

    private static final int LIMIT = 1024;
    private static final String PATH = "/hooks/least";
    private static final String CONFIG = TestServer.serverSection() + """
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], maxBodyBytes: %d }
            handlers:
              rec: { type: recording }
            routes:
              - { from: least, to: [rec] }
            """.formatted(LIMIT);

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(home, CONFIG, recording);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void specTestVectorIsAcceptedStoredAndHandedToTheHandlerAsATypedEvent() throws Exception {
        HttpResponse<String> response = server.post(PATH, SPEC_BODY, Map.of(SIGNATURE_HEADER, SPEC_SIGNATURE));

        assertEquals(200, response.statusCode());
        assertEquals("accepted\n", response.body());
        awaitCalls("rec", 1);
        WebhookEvent event = recording.events("rec").get(0);
        RecordCreated created = assertInstanceOf(RecordCreated.class, event);
        assertEquals(42L, created.recordId());
        assertEquals(keyOf(SPEC_BODY), created.deliveryKey());
        assertEquals(SPEC_BODY, created.delivery().bodyText());
        assertEquals("least", created.delivery().endpoint());

        StoredDelivery stored = server.findByKey("least", keyOf(SPEC_BODY)).orElseThrow();
        assertEquals("least", stored.vendor());
        assertEquals("record.created", stored.eventType());
        assertEquals(SPEC_BODY, new String(stored.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("****"), stored.headers().all(SIGNATURE_HEADER), "the signature is not kept");
        Eventually.await(() -> status(stored.id()) == DeliveryStatus.DONE,
                () -> "delivery status is " + status(stored.id()));
    }

    @Test
    void everyCatalogSampleSignedByTheVendorIsAcceptedAndArrivesAsItsRecordClass() {
        SignedDeliveries signed = LeastFixtures.signed("least");
        List<EventType> types = LeastFixtures.vendor().catalog().types();
        for (EventType type : types) {
            HttpResponse<String> response = server.post(PATH, signed.sample(type));
            assertEquals(200, response.statusCode(), type.name());
            assertEquals("accepted\n", response.body(), type.name());
        }
        awaitCalls("rec", types.size());
        Map<String, WebhookEvent> byType = recording.events("rec").stream()
                .collect(Collectors.toMap(WebhookEvent::type, e -> e));
        for (EventType type : types) {
            WebhookEvent event = byType.get(type.name());
            assertTrue(type.eventClass().isInstance(event), type.name() + " arrived as " + event);
            assertEquals(keyOf(type.sampleBody()), event.deliveryKey());
        }
    }

    @Test
    void forgedDeliveriesGet401WithAFixedBodyAndAreNeitherStoredNorHandled() {
        String otherBodysSignature = LeastFixtures.signed("least").body("{\"event\":\"record.created\"}")
                .headers().first(SIGNATURE_HEADER).orElseThrow();
        List<Map<String, String>> forgeries = List.of(
                Map.of(SIGNATURE_HEADER, "sha256=" + "0".repeat(64)),
                Map.of(SIGNATURE_HEADER, otherBodysSignature),
                Map.of(SIGNATURE_HEADER, "sha256=not-hex-at-all"),
                Map.of(),
                Map.of(SIGNATURE_HEADER, SPEC_SIGNATURE, "X-WF-Signature", SPEC_SIGNATURE));
        for (Map<String, String> headers : forgeries) {
            HttpResponse<String> response = server.post(PATH, SPEC_BODY, headers);
            assertEquals(401, response.statusCode(), headers.toString());
            assertEquals("unauthorized\n", response.body(), headers.toString());
        }
        assertEquals(0, server.deliveryCount(), "nothing unproven is stored");

        // A genuine delivery afterwards is handled; if a forged one had been dispatched it would be seen first.
        Delivery marker = LeastFixtures.recordCreated("least", 7);
        assertEquals(200, server.post(PATH, marker).statusCode());
        awaitCalls("rec", 1);
        assertEquals(List.of(marker.bodySha256()),
                recording.events("rec").stream().map(WebhookEvent::deliveryKey).toList());
        assertEquals(1, server.deliveryCount());
    }

    @Test
    void unknownPathsAre404EvenBelowAnEndpointPath() {
        for (String path : List.of("/hooks/nope", "/hooks/least/extra", "/", "/hooks/LEAST")) {
            HttpResponse<String> response = server.post(path, SPEC_BODY, Map.of(SIGNATURE_HEADER, SPEC_SIGNATURE));
            assertEquals(404, response.statusCode(), path);
            assertEquals("not found\n", response.body(), path);
        }
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void otherMethodsThanPostAre405WithAllowPost() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH))
                    .method(method, method.equals("GET") || method.equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(SPEC_BODY));
            HttpResponse<String> response = TestServer.send(request);
            assertEquals(405, response.statusCode(), method);
            assertEquals("POST", response.headers().firstValue("Allow").orElse(null), method);
            assertEquals("method not allowed\n", response.body(), method);
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIs413() {
        String head = "{\"event\":\"record.created\",\"record_id\":9}";
        String atLimit = head + " ".repeat(LIMIT - head.length());
        SignedDeliveries signed = LeastFixtures.signed("least");

        HttpResponse<String> ok = server.post(PATH, signed.body(atLimit));
        assertEquals(200, ok.statusCode());

        HttpResponse<String> tooLarge = server.post(PATH, signed.body(atLimit + " "));
        assertEquals(413, tooLarge.statusCode());
        assertEquals("payload too large\n", tooLarge.body());
        assertEquals(1, server.deliveryCount());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413EvenWithoutContentLength() {
        String chunk = "x".repeat(600);
        String request = "POST " + PATH + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                + "0\r\n\r\n";

        RawHttp.Response response = RawHttp.exchange(server.port(), request);

        assertEquals(413, response.status());
        assertEquals("payload too large\n", response.body());
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsAskedFor() {
        String request = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\nExpect: 100-continue\r\n\r\n";

        RawHttp.Response response = RawHttp.exchange(server.port(), request.getBytes(StandardCharsets.US_ASCII),
                true);

        assertEquals(413, response.status(), "no 100 Continue: the body is never wanted");
        assertEquals("close", response.header("Connection"));
        assertEquals("payload too large\n", response.body());
    }

    @Test
    void aBodyCutShortBySenderIs400AndNothingIsStored() {
        String request = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\n"
                + "Content-Length: " + SPEC_BODY.length() + "\r\n\r\n"
                + SPEC_BODY.substring(0, 10);

        RawHttp.Response response = RawHttp.exchange(server.port(), request.getBytes(StandardCharsets.US_ASCII),
                true);

        assertEquals(400, response.status());
        assertEquals("bad request: body could not be read\n", response.body());
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() {
        Delivery delivery = LeastFixtures.recordCreated("least", 11);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(delivery.body())))
                .header(SIGNATURE_HEADER, delivery.headers().first(SIGNATURE_HEADER).orElseThrow());

        HttpResponse<String> response = TestServer.send(request);

        assertEquals(200, response.statusCode());
        assertTrue(server.findByKey("least", delivery.bodySha256()).isPresent());
    }

    @Test
    void aGenuineButMalformedBodyIs400WithoutEchoingIt() {
        for (String body : List.of("not json <script>MARKER-1</script>", "[\"MARKER-2\"]",
                "{\"MARKER-3\":1}", "{\"event\":\"record.created\",\"record_id\":\"MARKER-4\"}")) {
            HttpResponse<String> response = server.post(PATH, LeastFixtures.signed("least").body(body));
            assertEquals(400, response.statusCode(), body);
            assertTrue(response.body().startsWith("bad request: "), response.body());
            assertFalse(response.body().contains("MARKER"), response.body());
            assertTrue(response.body().length() < 80, response.body());
        }
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void aDuplicateIsAnswered200DuplicateAndHandledOnlyOnce() {
        Delivery first = LeastFixtures.recordCreated("least", 100);
        assertEquals("accepted\n", server.post(PATH, first).body());
        awaitCalls("rec", 1);

        HttpResponse<String> again = server.post(PATH, first);
        assertEquals(200, again.statusCode());
        assertEquals("duplicate\n", again.body());

        Delivery marker = LeastFixtures.recordCreated("least", 101);
        assertEquals("accepted\n", server.post(PATH, marker).body());
        Eventually.await(() -> recording.callsWithKey("rec", marker.bodySha256()) == 1,
                () -> "marker not handled: " + recording.calls());

        assertEquals(1, recording.callsWithKey("rec", first.bodySha256()));
        assertEquals(2, recording.calls().size());
        assertEquals(2, server.deliveryCount(), "the duplicate is not stored again");
    }

    @Test
    void aDuplicateIsRecognisedByBodyNotBySignatureHeaderSpelling() {
        assertEquals("accepted\n", server.post(PATH, SPEC_BODY, Map.of(SIGNATURE_HEADER, SPEC_SIGNATURE)).body());
        // Same body, header name and hex in other cases: still verified, still the same delivery.
        HttpResponse<String> again = server.post(PATH, SPEC_BODY,
                Map.of("x-least-signature", SPEC_SIGNATURE.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(200, again.statusCode());
        assertEquals("duplicate\n", again.body());
        assertEquals(1, server.deliveryCount());
    }

    @Test
    void responsesAreFixedPlainTextThatIsNotCached() {
        HttpResponse<String> response = server.post(PATH, SPEC_BODY, Map.of(SIGNATURE_HEADER, SPEC_SIGNATURE));
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.headers().firstValue("Server").isEmpty(), "no server version is announced");
    }

    private void awaitCalls(String handler, int count) {
        Eventually.await(() -> recording.events(handler).size() >= count,
                () -> handler + " was called " + recording.events(handler).size() + " times, expected " + count);
    }

    private DeliveryStatus status(long id) {
        try {
            return server.store().find(id).orElseThrow().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
