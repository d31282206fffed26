package dev.hookyard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.server.tracing.TracingSettings;
import dev.hookyard.spi.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code tracing:}. Every key is checked whether tracing is on or not, so a section written while it is off
 * works when it is turned on. Problems name the key and never echo a value: the endpoint's URL and the headers (an API
 * key, an {@code Authorization}) may be secrets, which are resolved here and kept only as {@link Secret}s.
 */
final class TracingSection {

    static final Set<String> KEYS = Set.of("enabled", "endpoint", "protocol", "serviceName", "sampleRatio",
            "headers");
    /** The one protocol built in: OTLP over HTTP with protobuf bodies, which every OTLP collector accepts. */
    static final String HTTP_PROTOBUF = "http/protobuf";
    private static final String TRACES_PATH = "/v1/traces";
    /** An HTTP header name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    private static final int MAX_SERVICE_NAME = 255;
    private static final int MAX_HEADERS = 32;

    private TracingSection() {
    }

    static TracingSettings read(ConfigLoader.Section section, JsonNode node) {
        if (!section.isMap(node, "tracing")) {
            return TracingSettings.OFF;
        }
        section.checkKeys(node, "tracing", KEYS);
        boolean enabled = flag(section, node);
        URI endpoint = endpoint(section, node);
        protocol(section, node);
        String serviceName = section.text(node, "tracing", "serviceName", TracingSettings.DEFAULT_SERVICE_NAME);
        if (serviceName.isBlank() || serviceName.length() > MAX_SERVICE_NAME) {
            section.problem("tracing.serviceName", "must be 1 to " + MAX_SERVICE_NAME + " characters",
                    "write serviceName: " + TracingSettings.DEFAULT_SERVICE_NAME + " (the default), or this"
                            + " node's name in your tracing backend");
            serviceName = TracingSettings.DEFAULT_SERVICE_NAME;
        }
        return new TracingSettings(enabled, endpoint, serviceName, sampleRatio(section, node), headers(section, node));
    }

    private static boolean flag(ConfigLoader.Section section, JsonNode node) {
        String value = section.text(node, "tracing", "enabled", "false").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            section.problem("tracing.enabled", "must be true or false", "write enabled: true to export traces");
            return false;
        }
        return value.equalsIgnoreCase("true");
    }

    /** The collector's traces URL: the base given (default the local collector's) with {@code /v1/traces}. */
    private static URI endpoint(ConfigLoader.Section section, JsonNode node) {
        String text = section.text(node, "tracing", "endpoint", TracingSettings.DEFAULT_ENDPOINT).trim();
        String fix = "write the collector's OTLP/HTTP address, e.g. endpoint: " + TracingSettings.DEFAULT_ENDPOINT;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // Not e.getMessage(): it quotes the text, which may have come from a reference to a secret.
            section.problem("tracing.endpoint", "is not a valid URL", fix);
            return TracingSettings.OFF.endpoint();
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            section.problem("tracing.endpoint", "must be an http:// or https:// URL with a host", fix);
            return TracingSettings.OFF.endpoint();
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // A credential in the URL would show wherever the URL does; headers are kept as secrets.
            section.problem("tracing.endpoint", "must not carry a user, a query or a fragment",
                    "put credentials in tracing.headers, e.g. headers: { Authorization: \"${env:OTLP_AUTH}\" }");
            return TracingSettings.OFF.endpoint();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.endsWith(TRACES_PATH)) {
            path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + TRACES_PATH;
        }
        return URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path);
    }

    private static void protocol(ConfigLoader.Section section, JsonNode node) {
        String protocol = section.text(node, "tracing", "protocol", HTTP_PROTOBUF).trim();
        if (protocol.equals("grpc")) {
            section.problem("tracing.protocol", "grpc is not built in", "write protocol: " + HTTP_PROTOBUF
                    + " and point endpoint at the collector's OTLP/HTTP port (4318 by default)");
        } else if (!protocol.equals(HTTP_PROTOBUF)) {
            section.problem("tracing.protocol", "must be " + HTTP_PROTOBUF
                    + DidYouMean.hint(protocol, List.of(HTTP_PROTOBUF)), "write protocol: " + HTTP_PROTOBUF);
        }
    }

    private static double sampleRatio(ConfigLoader.Section section, JsonNode node) {
        String text = section.text(node, "tracing", "sampleRatio", null);
        if (text == null) {
            return 1.0;
        }
        double ratio;
        try {
            ratio = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            ratio = Double.NaN;
        }
        if (!(ratio >= 0.0 && ratio <= 1.0)) {
            section.problem("tracing.sampleRatio", "must be a number from 0 to 1",
                    "write sampleRatio: 1 to trace every delivery, or e.g. 0.1 for one in ten");
            return 1.0;
        }
        return ratio;
    }

    private static Map<String, Secret> headers(ConfigLoader.Section section, JsonNode node) {
        JsonNode headers = node.path("headers");
        Map<String, Secret> result = new LinkedHashMap<>();
        if (!section.isMap(headers, "tracing.headers")) {
            return result;
        }
        if (headers.size() > MAX_HEADERS) {
            section.problem("tracing.headers", "has more than " + MAX_HEADERS + " headers",
                    "keep the ones the collector needs");
            return result;
        }
        headers.fieldNames().forEachRemaining(name -> {
            String key = "tracing.headers." + name;
            if (!HEADER_NAME.matcher(name).matches()) {
                section.problem(key, "is not a valid header name", "use letters, digits and '-', e.g. Authorization");
                return;
            }
            // Every value counts as a secret: collectors take API keys and credentials this way.
            section.noteLiteral(key, headers.path(name));
            String value = section.text(headers, "tracing.headers", name, null);
            if (value == null) {
                if (headers.path(name).isNull()) { // else text() has said what is wrong
                    section.problem(key, "is empty", "write " + name + ": \"${env:NAME}\"");
                }
                return;
            }
            if (value.isEmpty() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                section.problem(key, "must be a non-empty value on one line",
                        "check the value the reference resolves to");
                return;
            }
            result.put(name, Secret.of(value));
        });
        return result;
    }
}
