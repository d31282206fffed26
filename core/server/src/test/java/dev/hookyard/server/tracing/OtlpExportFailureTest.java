package dev.hookyard.server.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.sun.net.httpserver.HttpServer;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.spi.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real OTLP/HTTP exporter against a collector that refuses every export (HTTP 500): the spans are sent with the
 * configured headers, and the failure reaches Hookyard's log as one WARN line of {@code hookyard.tracing}, without a
 * stack trace and without the headers' values.
 */
class OtlpExportFailureTest {

    private static final String KEY = "collector-key-0c4d2a";

    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void start() throws Exception {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            keysSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-collector-key")));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stop() {
        collector.stop(0);
    }

    @Test
    void aRefusedExportIsOneWarningLineInHookyardsLog() {
        URI endpoint = URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
        try (LogCapture log = LogCapture.capture("hookyard.tracing")) {
            Tracing tracing = OtelTracing.of(new TracingSettings(true, endpoint, "hookyard-test", 1.0,
                    Map.of("x-collector-key", Secret.of(KEY))), "test");
            tracing.receive("least", "least").end(200);
            tracing.close(); // exports what is buffered

            assertEquals(List.of(KEY), keysSeen, "one export, with the configured header");
            List<LogCapture.Line> warnings = log.atLeast(Level.WARN).stream()
                    .filter(line -> line.logger().equals("hookyard.tracing")).toList();
            assertEquals(1, warnings.size(), log.text());
            assertTrue(warnings.get(0).message().contains("500"), warnings.get(0).message());
            assertNull(warnings.get(0).thrown(), "no stack trace");
            assertFalse(log.text().contains(KEY), log.text());
        }
    }
}
