package dev.hookyard.server.config;

import static dev.hookyard.server.testing.ConfigFiles.problemAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.ConfigFiles;
import dev.hookyard.server.tracing.TracingSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracing:}: off by default, every key read, and problems that name the key and never show a value. */
class TracingConfigTest {

    private static final String API_KEY = "otlp-key-4b1d9e";
    private static final String ENDPOINTS = "endpoints: { least: { vendor: least } }\n";

    @TempDir
    Path home;

    private ConfigFiles files;

    @BeforeEach
    void files() {
        files = new ConfigFiles(home, Map.of("OTLP_KEY", API_KEY));
    }

    @Test
    void withoutTheSectionTracingIsOff() throws IOException {
        assertEquals(TracingSettings.OFF, files.load(ENDPOINTS).tracing());
        assertFalse(TracingSettings.OFF.enabled());
    }

    @Test
    void everyKeyIsReadAndTheHeadersAreSecretReferences() throws IOException {
        TracingSettings tracing = files.load("""
                tracing:
                  enabled: true
                  endpoint: https://otel.example:4318
                  protocol: http/protobuf
                  serviceName: hookyard-eu
                  sampleRatio: 0.25
                  headers: { x-api-key: "${env:OTLP_KEY}" }
                """ + ENDPOINTS).tracing();

        assertEquals(List.of(true, URI.create("https://otel.example:4318/v1/traces"), "hookyard-eu", 0.25),
                List.of(tracing.enabled(), tracing.endpoint(), tracing.serviceName(), tracing.sampleRatio()));
        assertEquals(API_KEY, tracing.headers().get("x-api-key").reveal());
        assertFalse(tracing.toString().contains(API_KEY), tracing.toString());
    }

    @Test
    void theDefaultsAreTheLocalCollectorEveryDeliveryAndNoHeaders() throws IOException {
        TracingSettings tracing = files.load("tracing: { enabled: true }\n" + ENDPOINTS).tracing();

        assertEquals(List.of(URI.create("http://localhost:4318/v1/traces"), "hookyard", 1.0, Map.of()),
                List.of(tracing.endpoint(), tracing.serviceName(), tracing.sampleRatio(), tracing.headers()));
    }

    @Test
    void anEndpointWithTheTracesPathOrAPrefixKeepsIt() throws IOException {
        assertEquals(URI.create("http://collector:4318/v1/traces"), files.load(
                "tracing: { endpoint: \"http://collector:4318/v1/traces\" }\n" + ENDPOINTS).tracing().endpoint());
        assertEquals(URI.create("http://gateway/otlp/v1/traces"), files.load(
                "tracing: { endpoint: \"http://gateway/otlp/\" }\n" + ENDPOINTS).tracing().endpoint());
    }

    @Test
    void problemsNameTheKeyAndNeverShowTheValues() throws IOException {
        InvalidConfigException e = files.loadFails("""
                tracing:
                  enabled: yes please
                  endpoint: "https://user:url-secret@otel.example:4318"
                  protocol: grpc
                  serviceName: ""
                  sampleRatio: 1.5
                  headers: { "bad header": "${env:OTLP_KEY}", Authorization: "${env:MISSING_OTLP_AUTH}" }
                  exporter: otlp
                """ + ENDPOINTS);

        assertEquals(List.of("tracing.exporter", "tracing.enabled", "tracing.endpoint", "tracing.protocol",
                "tracing.serviceName", "tracing.sampleRatio", "tracing.headers.bad header",
                "tracing.headers.Authorization"), e.problems().stream().map(ConfigProblem::key).toList());
        assertEquals("must not carry a user, a query or a fragment",
                problemAt(e, "tracing.endpoint").orElseThrow().problem());
        assertEquals("grpc is not built in", problemAt(e, "tracing.protocol").orElseThrow().problem());
        assertEquals("must be a number from 0 to 1", problemAt(e, "tracing.sampleRatio").orElseThrow().problem());
        assertFalse(e.getMessage().contains("url-secret"), e.getMessage());
        assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
    }

    @Test
    void anEndpointMustBeAnHttpUrl() throws IOException {
        for (String endpoint : List.of("otel.example:4318", "ftp://otel.example", "http://", "http://otel/x?k=v")) {
            InvalidConfigException e = files.loadFails("tracing: { endpoint: \"" + endpoint + "\" }\n" + ENDPOINTS);
            assertTrue(problemAt(e, "tracing.endpoint").isPresent(), endpoint + ": " + e.getMessage());
        }
    }
}
