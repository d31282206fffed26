package dev.hookyard.server.tracing;

import dev.hookyard.spi.Secret;
import java.net.URI;
import java.util.Map;

/**
 * The {@code tracing:} section: whether spans are made and where they are exported (OTLP over HTTP, protobuf).
 *
 * @param enabled     whether deliveries and handler attempts are traced at all; off, nothing is made or sent
 * @param endpoint    the collector's OTLP/HTTP traces URL (the configured base with {@code /v1/traces})
 * @param serviceName the {@code service.name} of every span's resource
 * @param sampleRatio the share of deliveries traced, 0 to 1; a handler attempt follows its delivery's decision
 * @param headers     headers sent with every export (an API key, an {@code Authorization}), kept as secrets
 */
public record TracingSettings(boolean enabled, URI endpoint, String serviceName, double sampleRatio,
                              Map<String, Secret> headers) {

    /** The OTLP/HTTP port of a collector on this machine. */
    public static final String DEFAULT_ENDPOINT = "http://localhost:4318";
    public static final String DEFAULT_SERVICE_NAME = "hookyard";
    /** Off: the default when the configuration has no {@code tracing:} section. */
    public static final TracingSettings OFF = new TracingSettings(false, URI.create(DEFAULT_ENDPOINT + "/v1/traces"),
            DEFAULT_SERVICE_NAME, 1.0, Map.of());

    public TracingSettings {
        headers = Map.copyOf(headers);
    }
}
