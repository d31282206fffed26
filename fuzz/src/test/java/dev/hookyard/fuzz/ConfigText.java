package dev.hookyard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;
import java.util.Map;

/**
 * Builds configuration text from fuzzer bytes: the sections and keys {@code ConfigLoader} knows (and some it does
 * not), with values drawn from the kinds that reach different code (references, numbers, durations, paths, lists,
 * maps, arbitrary strings), written as YAML flow collections with JSON-style quoting, so that nearly every input
 * parses and the fuzzer spends its time in the loader rather than in the YAML parser.
 */
final class ConfigText {

    private static final List<String> SECTIONS = List.of("server", "store", "endpoints", "handlers", "routes",
            "management", "plugins", "serverr");
    private static final List<String> SERVER_KEYS = List.of("host", "port", "maxBodyBytes", "shutdownGrace", "tls",
            "limits", "trustedProxies");
    private static final List<String> STORE_KEYS = List.of("type", "path", "retentionDays", "maxBacklog",
            "retention");
    private static final List<String> MANAGEMENT_KEYS = List.of("enabled", "host", "port", "token");
    private static final List<String> PLUGINS_KEYS = List.of("directory", "onError");
    private static final List<String> ENDPOINT_KEYS = List.of("vendor", "path", "secrets", "options",
            "maxBodyBytes", "maxHeaderCount", "bodyTimeout", "allow", "rateLimit", "secret");
    private static final List<String> HANDLER_KEYS = List.of("type", "options", "retry", "timeout",
            "maxConcurrent");
    private static final List<String> ROUTE_KEYS = List.of("from", "vendor", "events", "to");
    /** Keys whose value is itself a map of known keys. */
    private static final Map<String, List<String>> NESTED = Map.of(
            "retry", List.of("maxAttempts", "initialDelay", "maxDelay"),
            "tls", List.of("keystore", "password", "reloadInterval"),
            "limits", List.of("maxHeaderBytes", "maxHeaderCount", "idleTimeout", "bodyTimeout", "maxConnections"),
            "rateLimit", List.of("requests", "per"));
    /** Keys whose value is a list of these items, or a single one. */
    private static final List<String> SECRET_ITEM_KEYS = List.of("value", "notAfter");

    private static final List<String> REFERENCES = List.of("${env:LEAST_SECRET}", "${env:PATH_SECRET}",
            "${env:COLON_SECRET}", "${env:URL_SECRET}", "${env:SPACE_SECRET}", "${env:MISSING}", "${env:}",
            "${env: LEAST_SECRET }", "${file:secrets/token}", "${file:secrets/binary}", "${file:secrets/empty}",
            "${file:secrets}", "${file:missing/file}", "${file:}", "${file:/dev/null}", "${vault:x}", "${env:LEAST",
            "$${env:LEAST_SECRET}", "${file:../../../../etc/hostname}", "/hooks/${env:LEAST_SECRET}",
            "${env:LEAST_SECRET}${env:COLON_SECRET}", "${file:secrets/token}ms", "${env:LEAST_SECRET}/8",
            "10.0.0.${env:LEAST_SECRET}");
    private static final List<String> SCALARS = List.of("0", "-1", "1", "8080", "65536", "99999999999999999999",
            "1048576", "67108865", "30s", "500ms", "5m", "2h", "1d", "PT30S", "P1D", "-PT1S", "999999999d", "1e3",
            "0x10", "true", "false", "null", "~", "least", "absorb", "leah", "leaflink", "falkor", "recording",
            "/hooks/least", "/hooks/a?b", "hooks", "/", "data", "embedded", "sqlite", "127.0.0.1", "::1", "*",
            "record.*", "\\u0000", "..", "a b", "", "10.0.0.0/8", "0.0.0.0/0", "::/0", "2001:db8::/129",
            "300.1.1.1", "1.2.3.4/33", "fe80::1%eth0", "::ffff:1.2.3.4", "1.2.3.4/-1", "2030-01-01T00:00:00Z",
            "2020-01-01", "tomorrow", "conf/tls.p12", "secrets/token", "fail", "skip", "plugins", "60s");

    private ConfigText() {
    }

    static String generate(FuzzedDataProvider data) {
        StringBuilder out = new StringBuilder("{");
        int sections = data.consumeInt(0, 5);
        for (int i = 0; i < sections; i++) {
            if (i > 0) {
                out.append(", ");
            }
            String section = data.pickValue(SECTIONS);
            out.append(section).append(": ");
            switch (section) {
                case "server" -> map(out, data, SERVER_KEYS, 2);
                case "store" -> map(out, data, STORE_KEYS, 2);
                case "management" -> map(out, data, MANAGEMENT_KEYS, 2);
                case "plugins" -> map(out, data, PLUGINS_KEYS, 2);
                case "endpoints" -> named(out, data, ENDPOINT_KEYS);
                case "handlers" -> named(out, data, HANDLER_KEYS);
                case "routes" -> {
                    out.append('[');
                    int routes = data.consumeInt(0, 3);
                    for (int r = 0; r < routes; r++) {
                        out.append(r > 0 ? ", " : "");
                        map(out, data, ROUTE_KEYS, 2);
                    }
                    out.append(']');
                }
                default -> value(out, data, 3);
            }
        }
        out.append('}');
        if (data.consumeBoolean()) {
            out.append('\n').append(data.consumeString(40));
        }
        return out.toString();
    }

    /** {@code name: {key: value, ...}, ...} with names that are valid, invalid, or arbitrary. */
    private static void named(StringBuilder out, FuzzedDataProvider data, List<String> keys) {
        out.append('{');
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            out.append(i > 0 ? ", " : "");
            quoted(out, data.consumeBoolean() ? data.pickValue(List.of("least", "a.b-c_d", "x".repeat(65), "-bad",
                    "leah")) + i : data.consumeString(12));
            out.append(": ");
            if (data.consumeInt(0, 9) == 0) {
                value(out, data, 2);
            } else {
                map(out, data, keys, 2);
            }
        }
        out.append('}');
    }

    private static void map(StringBuilder out, FuzzedDataProvider data, List<String> keys, int depth) {
        out.append('{');
        int count = data.consumeInt(0, keys.size());
        for (int i = 0; i < count; i++) {
            out.append(i > 0 ? ", " : "");
            String key = data.pickValue(keys);
            quoted(out, key);
            out.append(": ");
            if (NESTED.containsKey(key) && data.consumeInt(0, 7) != 0) {
                map(out, data, NESTED.get(key), depth - 1);
            } else if (key.equals("secrets") && data.consumeBoolean()) {
                out.append('[');
                int items = data.consumeInt(0, 3);
                for (int s = 0; s < items; s++) {
                    out.append(s > 0 ? ", " : "");
                    if (data.consumeBoolean()) {
                        map(out, data, SECRET_ITEM_KEYS, depth - 1);
                    } else {
                        value(out, data, 0);
                    }
                }
                out.append(']');
            } else {
                value(out, data, depth);
            }
        }
        out.append('}');
    }

    private static void value(StringBuilder out, FuzzedDataProvider data, int depth) {
        int kind = data.consumeInt(0, depth > 0 ? 6 : 4);
        switch (kind) {
            case 0 -> quoted(out, data.pickValue(REFERENCES));
            case 1 -> {
                String scalar = data.pickValue(SCALARS);
                out.append(scalar.isEmpty() ? "\"\"" : scalar);
            }
            case 2 -> quoted(out, data.pickValue(SCALARS));
            case 3 -> quoted(out, data.consumeString(30));
            case 4 -> out.append(data.consumeLong());
            case 5 -> {
                out.append('[');
                int count = data.consumeInt(0, 3);
                for (int i = 0; i < count; i++) {
                    out.append(i > 0 ? ", " : "");
                    value(out, data, depth - 1);
                }
                out.append(']');
            }
            default -> {
                out.append('{');
                int count = data.consumeInt(0, 3);
                for (int i = 0; i < count; i++) {
                    out.append(i > 0 ? ", " : "");
                    quoted(out, data.consumeBoolean() ? data.pickValue(List.of("channel", "scheme", "platform",
                            "strict", "url", "dir")) : data.consumeString(10));
                    out.append(": ");
                    value(out, data, depth - 1);
                }
                out.append('}');
            }
        }
    }

    /** A YAML double-quoted scalar; JSON's escapes are valid YAML escapes. */
    private static void quoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0xfeff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
