package dev.hookyard.server.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Outcome;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real deliveries over real HTTP to a real Hookyard whose spans go to the SDK's in-memory exporter: the spans of a
 * delivery and of its handler attempts, their parentage and links, their attributes, and what they never carry.
 */
class DeliveryTracingHttpTest {

    /** A header a sender might send with a credential in it: its value must never reach a span. */
    private static final String PRIVATE_HEADER = "X-Partner-Token";
    private static final String PRIVATE_VALUE = "partner-token-5ae1c0ffee";
    /** In the body only. */
    private static final long RECORD_ID = 918_273_645L;

    @TempDir
    Path home;

    private InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC, recording,
                OtelTracing.exportingWith(SimpleSpanProcessor.create(spans), 1.0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDeliveryIsOneTraceOfReceiveVerifyParseCommitAndItsHandlerAttemptLinksToIt() {
        Delivery signed = LeastFixtures.recordCreated("least", RECORD_ID);
        Delivery withPrivateHeader = new Delivery(signed.endpoint(), withHeader(signed.headers()), signed.body(),
                signed.receivedAt());
        HttpResponse<String> answer = server.post("/hooks/least", withPrivateHeader);
        assertEquals(200, answer.statusCode(), answer.body());
        long id = server.findByKey("least", LeastFixtures.keyOf(signed.body())).orElseThrow().id();

        SpanData handle = awaitSpan(OtelTracing.HANDLE);
        SpanData receive = only(OtelTracing.RECEIVE);
        assertEquals(SpanKind.SERVER, receive.getKind());
        assertFalse(receive.getParentSpanContext().isValid(), "receive is the root of the delivery's trace");
        assertEquals(Map.of("hookyard.endpoint", "least", "hookyard.vendor", "least",
                "hookyard.event.type", "record.created", "hookyard.delivery.id", id,
                "http.response.status_code", 200L), attributes(receive));
        for (String stage : List.of("hookyard.verify", "hookyard.parse", "hookyard.commit")) {
            SpanData child = only(stage);
            assertEquals(receive.getTraceId(), child.getTraceId(), stage + " is in the delivery's trace");
            assertEquals(receive.getSpanId(), child.getParentSpanId(), stage + " is a child of receive");
        }
        assertEquals("verified", only("hookyard.verify").getAttributes().get(OUTCOME));
        assertEquals("parsed", only("hookyard.parse").getAttributes().get(OUTCOME));
        assertEquals("stored", only("hookyard.commit").getAttributes().get(OUTCOME));

        assertEquals(SpanKind.CONSUMER, handle.getKind());
        assertFalse(handle.getTraceId().equals(receive.getTraceId()), "a handler attempt has its own trace");
        assertEquals(List.of(receive.getSpanContext()), handle.getLinks().stream().map(l -> l.getSpanContext())
                .toList(), "the attempt links to the delivery's receive span");
        assertEquals(Map.of("hookyard.endpoint", "least", "hookyard.vendor", "least",
                "hookyard.event.type", "record.created", "hookyard.delivery.id", id, "hookyard.handler", "rec",
                "hookyard.attempt", 1L, "hookyard.outcome", "done"), attributes(handle));

        List<String> forbidden = List.of(LeastFixtures.SPEC_SECRET, PRIVATE_VALUE, Long.toString(RECORD_ID),
                signed.headers().first(LeastFixtures.SIGNATURE_HEADER).orElseThrow(), new String(signed.body()));
        for (SpanData span : spans.getFinishedSpanItems()) {
            String shown = everythingIn(span);
            for (String value : forbidden) {
                assertFalse(shown.contains(value), span.getName() + " carries a secret, a header or the body: "
                        + shown);
            }
        }
    }

    @Test
    void theHandlerGetsItsAttemptsTraceContextAsATraceparentHeader() {
        assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 7)).statusCode());

        SpanContext attempt = awaitSpan(OtelTracing.HANDLE).getSpanContext();
        Map<String, String> headers = recording.calls().get(0).traceHeaders();
        assertEquals("00-" + attempt.getTraceId() + "-" + attempt.getSpanId() + "-"
                + attempt.getTraceFlags().asHex(), headers.get("traceparent"), headers.toString());
        assertTrue(attempt.isSampled());
    }

    @Test
    void aRejectedDeliveryIsTracedWithItsReasonAndGoesNoFurther() {
        Delivery signed = LeastFixtures.recordCreated("least", 8);
        HttpResponse<String> answer = server.post("/hooks/least", new String(signed.body()),
                Map.of(LeastFixtures.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)));
        assertEquals(401, answer.statusCode());

        SpanData receive = awaitSpan(OtelTracing.RECEIVE);
        assertEquals("mismatch", receive.getAttributes().get(REASON));
        assertEquals(401L, receive.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.UNSET, receive.getStatus().getStatusCode(), "a 4xx is the sender's error");
        SpanData verify = only("hookyard.verify");
        assertEquals(List.of("rejected", "mismatch"), List.of(verify.getAttributes().get(OUTCOME),
                verify.getAttributes().get(REASON)));
        // The answer ends receive, after verify.
        assertEquals(List.of("hookyard.verify", "hookyard.receive"), names(), "nothing parsed, stored or handled");
    }

    @Test
    void aRefusalByALimitIsTracedWithItsReason() throws Exception {
        server.close(); // which shut its exporter down
        spans = InMemorySpanExporter.create();
        server = TestServer.start(home, TestServer.serverSection() + """
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], allow: ["192.0.2.1"] }
                """ + TestServer.ALL_TO_REC, recording, OtelTracing.exportingWith(SimpleSpanProcessor.create(spans),
                1.0));

        assertEquals(403, server.post("/hooks/least", LeastFixtures.recordCreated("least", 9)).statusCode());

        SpanData receive = awaitSpan(OtelTracing.RECEIVE);
        assertEquals("not_allowed", receive.getAttributes().get(REASON));
        assertEquals(403L, receive.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    }

    @Test
    void everyAttemptOfARetriedRunLinksToTheDeliveryAndSaysHowItEnded() {
        recording.failTimes("rec", 1);
        assertEquals(200, server.post("/hooks/least", LeastFixtures.recordCreated("least", 10)).statusCode());

        Eventually.await(() -> named(OtelTracing.HANDLE).size() == 2, () -> "two attempts: " + names());
        SpanData receive = only(OtelTracing.RECEIVE);
        List<SpanData> attempts = named(OtelTracing.HANDLE);
        assertEquals(List.of(1L, 2L), attempts.stream().map(a -> a.getAttributes().get(ATTEMPT)).toList());
        assertEquals(List.of("retry", "done"), attempts.stream().map(a -> a.getAttributes().get(OUTCOME)).toList());
        assertEquals(List.of(StatusCode.ERROR, StatusCode.UNSET),
                attempts.stream().map(a -> a.getStatus().getStatusCode()).toList());
        assertEquals(IllegalStateException.class.getName(),
                attempts.get(0).getAttributes().get(AttributeKey.stringKey("error.type")));
        for (SpanData attempt : attempts) {
            assertEquals(List.of(receive.getSpanContext()), attempt.getLinks().stream()
                    .map(l -> l.getSpanContext()).toList(), "the retry, read from the store, links too");
        }
    }

    @Test
    void aDeliveryLeftOutOfTheSampleLeavesItsAttemptsOutTooAndTellsTheTargetSo() throws Exception {
        server.close();
        spans = InMemorySpanExporter.create();
        server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC, recording,
                OtelTracing.exportingWith(SimpleSpanProcessor.create(spans), 0.0));

        Delivery signed = LeastFixtures.recordCreated("least", 11);
        assertEquals(200, server.post("/hooks/least", signed).statusCode());
        long id = server.findByKey("least", LeastFixtures.keyOf(signed.body())).orElseThrow().id();

        // The attempt's span ends before its outcome is recorded.
        Eventually.await(() -> server.runs(id).stream().allMatch(run -> run.status() == RunStatus.DONE),
                () -> "the run was not done: " + server.runs(id));
        String traceparent = recording.calls().get(0).traceHeaders().get("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[02]"),
                "a traceparent with the sampled flag clear: " + traceparent);
        assertEquals(List.of(), names(), "nothing of the delivery or its attempt is recorded");
    }

    @Test
    void anAttemptAfterARestartHasNoLinkButNamesItsDelivery() throws Exception {
        server.close();
        CountDownLatch never = new CountDownLatch(1);
        recording.script("rec", call -> {
            if (call == 1) { // held until the stop interrupts it: the run stays pending in the store
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted by the stop");
            }
            return Outcome.done();
        });
        String yaml = "server: { host: 127.0.0.1, port: 0, shutdownGrace: 0s }\nstore: { path: data }\n"
                + TestServer.LEAST_TO_REC;
        server = TestServer.start(home, yaml, recording, OtelTracing.exportingWith(
                SimpleSpanProcessor.create(spans), 1.0));
        Delivery signed = LeastFixtures.recordCreated("least", 12);
        assertEquals(200, server.post("/hooks/least", signed).statusCode());
        long id = server.findByKey("least", LeastFixtures.keyOf(signed.body())).orElseThrow().id();
        Eventually.await(() -> !recording.calls().isEmpty(), () -> "the first call did not start");
        server.close();

        spans = InMemorySpanExporter.create();
        server = TestServer.start(home, yaml, recording, OtelTracing.exportingWith(
                SimpleSpanProcessor.create(spans), 1.0));
        SpanData handle = awaitSpan(OtelTracing.HANDLE);
        assertEquals(List.of(), handle.getLinks(), "the delivery's span context was in the memory of the last run");
        assertEquals(id, handle.getAttributes().get(AttributeKey.longKey("hookyard.delivery.id")));
        assertEquals("done", handle.getAttributes().get(OUTCOME));
    }

    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("hookyard.outcome");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("hookyard.reason");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("hookyard.attempt");

    private static Headers withHeader(Headers headers) {
        Map<String, List<String>> all = new LinkedHashMap<>(headers.toMap());
        all.put(PRIVATE_HEADER, List.of(PRIVATE_VALUE));
        return Headers.of(all);
    }

    private SpanData awaitSpan(String name) {
        Eventually.await(() -> !named(name).isEmpty(), () -> "no span " + name + " among " + names());
        return named(name).get(0);
    }

    private SpanData only(String name) {
        List<SpanData> found = named(name);
        assertEquals(1, found.size(), () -> "spans named " + name + ": " + names());
        return found.get(0);
    }

    private List<SpanData> named(String name) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
    }

    private List<String> names() {
        return spans.getFinishedSpanItems().stream().map(SpanData::getName).toList();
    }

    private static Map<String, Object> attributes(SpanData span) {
        Map<String, Object> result = new LinkedHashMap<>();
        span.getAttributes().forEach((key, value) -> result.put(key.getKey(), value));
        return result;
    }

    /** Everything a span would export but its ids: name, attributes, events, links' attributes, status, resource. */
    private static String everythingIn(SpanData span) {
        List<Object> parts = new ArrayList<>(List.of(span.getName(), span.getAttributes(), span.getEvents(),
                span.getStatus(), span.getResource()));
        span.getLinks().forEach(link -> parts.add(link.getAttributes()));
        return parts.toString();
    }
}
