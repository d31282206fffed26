package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace captured from a real delivery to the real distribution ({@code bin/hookyard run}, module path, the
 * http-forward example plugin in its own module layer): spans exported over OTLP/HTTP to a collector in this test,
 * and the trace context the forwarder sent to its target.
 */
class TracingLaunchIT {

    private static final String COLLECTOR_KEY = "collector-key-93be1f";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What the collector (/v1/traces) and the forwarder's target (/target) received. */
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private record Received(String path, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    @TempDir
    Path work;

    private HttpServer collector;
    private ChildServer server;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", this::record);
        collector.start();
    }

    @AfterEach
    void stopAll() {
        if (server != null) {
            server.kill();
        }
        collector.stop(0);
    }

    private void record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Test
    void aDeliveryAndItsForwardingAreExportedAsLinkedTracesAndTheTargetGetsTheAttemptsTraceparent() throws Exception {
        Path plugins = work.resolve("plugins");
        ChildServer.copyFolder(httpForwardFolder(), plugins.resolve("http-forward"));
        String collectorUrl = "http://127.0.0.1:" + collector.getAddress().getPort();
        Path config = ChildServer.writeConfig(work, work.resolve("store"), null,
                "  forward: { type: http-forward, options: { url: \"" + collectorUrl + "/target\" } }",
                "  - { from: least, events: [\"record.*\"], to: [forward] }");
        Files.writeString(config, """
                tracing:
                  enabled: true
                  endpoint: "%s"
                  serviceName: hookyard-it
                  headers: { x-collector-key: "${env:OTLP_KEY}" }
                """.formatted(collectorUrl), java.nio.file.StandardOpenOption.APPEND);

        server = ChildServer.start(ChildServer.distributionHome().resolve("bin/hookyard"), work,
                Map.of("OTLP_KEY", COLLECTOR_KEY), "run", "--config", config.toString(), "--plugins",
                plugins.toString());
        URI base = server.awaitReady();
        byte[] body = "{\"event\":\"record.created\",\"record_id\":5150}".getBytes(StandardCharsets.UTF_8);
        String signature = LeastSigning.signature(ChildServer.SECRET, body);
        HttpResponse<String> response = http.send(LeastSigning.signedPost(base.resolve("/hooks/least"), body),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + server.transcript());

        Received forwarded = await(() -> received.stream().filter(r -> r.path().equals("/target")).findFirst(),
                "the forwarded request");
        String traceparent = forwarded.header("traceparent").orElseThrow(() -> new AssertionError(
                "the forwarder sent no traceparent: " + forwarded.headers()));
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);

        // Spans are exported in batches (every few seconds) and at the stop.
        server.stop();
        List<OtlpSpans.Span> spans = received.stream().filter(r -> r.path().equals("/v1/traces"))
                .flatMap(r -> OtlpSpans.read(r.body()).stream()).toList();
        OtlpSpans.Span receive = only(spans, "hookyard.receive");
        OtlpSpans.Span handle = only(spans, "hookyard.handle");
        assertEquals("", receive.parentSpanId(), "receive is the delivery's root span");
        assertEquals(Map.of("hookyard.endpoint", "least", "hookyard.vendor", "least",
                "hookyard.event.type", "record.created", "hookyard.delivery.id", "1",
                "http.response.status_code", "200"), receive.attributes());
        for (String stage : List.of("hookyard.verify", "hookyard.parse", "hookyard.commit")) {
            OtlpSpans.Span child = only(spans, stage);
            assertEquals(List.of(receive.traceId(), receive.spanId()), List.of(child.traceId(),
                    child.parentSpanId()), stage + " is a child of receive");
        }
        assertEquals(List.of(parts[1], parts[2]), List.of(handle.traceId(), handle.spanId()),
                "the target got the handler attempt's own context");
        assertEquals(List.of(new OtlpSpans.Link(receive.traceId(), receive.spanId())), handle.links(),
                "the attempt links to the delivery's trace");
        assertEquals(Map.of("hookyard.endpoint", "least", "hookyard.vendor", "least",
                        "hookyard.event.type", "record.created", "hookyard.delivery.id", "1",
                        "hookyard.handler", "forward", "hookyard.attempt", "1", "hookyard.outcome", "done"),
                handle.attributes());
        assertEquals("hookyard-it", receive.resource().get("service.name"));

        Received export = received.stream().filter(r -> r.path().equals("/v1/traces")).findFirst().orElseThrow();
        assertEquals(Optional.of(COLLECTOR_KEY), export.header("x-collector-key"), "tracing.headers are sent");
        String exported = received.stream().filter(r -> r.path().equals("/v1/traces"))
                .map(r -> new String(r.body(), StandardCharsets.ISO_8859_1)).reduce("", String::concat);
        for (String hidden : List.of(ChildServer.SECRET, signature.substring("sha256=".length()), "5150")) {
            assertFalse(exported.contains(hidden), "no secret, signature or body in the exported spans");
        }
        assertFalse(server.transcript().contains(COLLECTOR_KEY), "the collector's key is never logged");
    }

    private static OtlpSpans.Span only(List<OtlpSpans.Span> spans, String name) {
        List<OtlpSpans.Span> named = spans.stream().filter(s -> s.name().equals(name)).toList();
        assertEquals(1, named.size(), () -> "spans named " + name + " among " + spans);
        return named.get(0);
    }

    private <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(ChildServer.EVENT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(25);
        }
        fail("no " + what + " within " + ChildServer.EVENT_TIMEOUT.toSeconds() + "s\n" + server.transcript());
        return null;
    }

    private static Path httpForwardFolder() {
        String property = System.getProperty("hookyard.example.httpForward");
        Path folder = property != null ? Paths.get(property)
                : Paths.get("..", "plugins-example", "http-forward", "target", "plugin", "http-forward");
        assertTrue(Files.isDirectory(folder), () -> "no http-forward plugin folder at " + folder.toAbsolutePath()
                + ": 'mvn package' builds it");
        return folder;
    }
}
