package dev.hookyard.plugin.jsonlarchive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.JSON;
import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.event;
import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.handler;
import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.leastEvent;
import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlArchiveHandlerTest {

    private static final Instant NOON = Instant.parse("2025-03-14T12:00:00Z");

    @TempDir
    Path home;

    private final SettableClock clock = new SettableClock(NOON);

    private Path archive() {
        return home.resolve("data/archive");
    }

    private Path today() {
        return archive().resolve("2025-03-14.jsonl");
    }

    private Handler handler(Map<String, ?> extra) {
        Map<String, Object> options = new LinkedHashMap<>(extra);
        options.putIfAbsent("dir", "data/archive");
        return ArchiveFixtures.handler(home, clock, options);
    }

    @Test
    void archivesASignedLeastEventAsOneLineWithItsSignatureMasked() throws Exception {
        WebhookEvent event = leastEvent("record.created");
        try (Handler handler = handler(Map.of())) {
            assertSame(Outcome.done(), handler.handle(event));
        }

        List<JsonNode> lines = lines(today());
        assertEquals(1, lines.size());
        JsonNode line = lines.get(0);
        assertEquals("least", line.get("endpoint").asText());
        assertEquals("least", line.get("vendor").asText());
        assertEquals("record.created", line.get("type").asText());
        assertEquals(event.deliveryKey(), line.get("deliveryKey").asText());
        assertEquals("2025-01-01T00:00:00Z", line.get("receivedAt").asText());
        assertEquals(JSON.readTree(event.delivery().body()), line.get("body"));
        assertFalse(line.has("bodyBase64"));

        List<String> names = event.delivery().headers().names();
        assertTrue(names.stream().anyMatch(n -> n.equalsIgnoreCase("X-LEAST-Signature")), () -> names.toString());
        for (String name : names) {
            String archived = line.get("headers").get(name).get(0).asText();
            if (name.toLowerCase().contains("signature")) {
                assertEquals("****", archived);
            } else {
                assertEquals(event.delivery().headers().first(name).orElseThrow(), archived);
            }
        }
        assertFalse(Files.readString(today()).contains(event.delivery().headers()
                .first("X-LEAST-Signature").orElseThrow()), "the signature value must not be in the archive");
    }

    @Test
    void masksCredentialHeadersWhateverTheirCaseAndKeepsTheRest() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("authorization", List.of("Bearer abc"));
        headers.put("Proxy-Authorization", List.of("Basic xyz"));
        headers.put("COOKIE", List.of("session=1", "theme=dark"));
        headers.put("X-Hub-Signature-256", List.of("sha256=00"));
        headers.put("X-Auth-Token", List.of("t0k"));
        headers.put("X-Webhook-SECRET", List.of("sh"));
        headers.put("X-Api-Key", List.of("k3y"));
        headers.put("X-Client-Key", List.of("cl13nt"));
        headers.put("X-Credential", List.of("cr3d"));
        headers.put("X-Session", List.of("s3ss"));
        headers.put("X-Password", List.of("pa55"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Idempotency-Key", List.of("idem-1"));
        headers.put("User-Agent", List.of("LEAST-Webhooks/1.0"));
        try (Handler handler = handler(Map.of())) {
            handler.handle(event("k1", "{}".getBytes(StandardCharsets.UTF_8), headers));
        }

        JsonNode archived = lines(today()).get(0).get("headers");
        assertEquals("[\"****\"]", archived.get("authorization").toString());
        assertEquals("[\"****\"]", archived.get("Proxy-Authorization").toString());
        assertEquals("[\"****\",\"****\"]", archived.get("COOKIE").toString(), "one mask per value");
        assertEquals("[\"****\"]", archived.get("X-Hub-Signature-256").toString());
        assertEquals("[\"****\"]", archived.get("X-Auth-Token").toString());
        assertEquals("[\"****\"]", archived.get("X-Webhook-SECRET").toString());
        for (String name : List.of("X-Api-Key", "X-Client-Key", "X-Credential", "X-Session", "X-Password",
                "Idempotency-Key")) {
            assertEquals("[\"****\"]", archived.get(name).toString(), name);
        }
        assertEquals("[\"application/json\"]", archived.get("Content-Type").toString());
        assertEquals("[\"LEAST-Webhooks/1.0\"]", archived.get("User-Agent").toString());
        String text = Files.readString(today());
        for (String secret : List.of("abc", "xyz", "session=1", "sha256=00", "t0k", "\"sh\"", "k3y", "cl13nt", "cr3d",
                "s3ss", "pa55", "idem-1")) {
            assertFalse(text.contains(secret), secret);
        }
    }

    @Test
    void masksWhatTheHostsConfiguredRuleMasks() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Tenant-Id", List.of("tenant-42"));
        headers.put("X-Request-Id", List.of("req-1"));
        CredentialHeaders configured = CredentialHeaders.DEFAULT.withPatterns(List.of("x-tenant-*"));
        HandlerContext plain = ArchiveFixtures.context(home, clock, Map.of("dir", "data/archive"));
        HandlerContext context = new HandlerContext(plain.name(), plain.options(), plain.clock(), plain.logger(),
                plain.homeDirectory(), configured);
        try (Handler handler = new JsonlArchiveHandlerFactory().create(context)) {
            handler.handle(event("k1", "{}".getBytes(StandardCharsets.UTF_8), headers));
        }

        JsonNode archived = lines(today()).get(0).get("headers");
        assertEquals("[\"****\"]", archived.get("X-Tenant-Id").toString());
        assertEquals("[\"req-1\"]", archived.get("X-Request-Id").toString());
        assertFalse(Files.readString(today()).contains("tenant-42"));
    }

    @Test
    void aBodyThatIsNotJsonIsKeptByteForByteAsBase64() throws Exception {
        byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 0, '\n', '{'};
        List<byte[]> bodies = List.of(
                "event=record.created&record_id=42".getBytes(StandardCharsets.UTF_8),
                "{\"event\":\"record.created\"".getBytes(StandardCharsets.UTF_8),
                "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.UTF_8),
                "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
                notUtf8,
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}, // JSON shape, a byte UTF-8 lacks
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'}, // a cut multi-byte sequence
                new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}, // a byte order mark
                new byte[0]);
        try (Handler handler = handler(Map.of())) {
            for (int i = 0; i < bodies.size(); i++) {
                handler.handle(event("k" + i, bodies.get(i), Map.of()));
            }
        }

        List<JsonNode> lines = lines(today());
        assertEquals(bodies.size(), lines.size());
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode line = lines.get(i);
            assertFalse(line.has("body"), line::toString);
            assertEquals(Base64.getEncoder().encodeToString(bodies.get(i)), line.get("bodyBase64").asText());
        }
    }

    @Test
    void aJsonBodyIsEmbeddedAsSentOnOneLineWithExactNumbers() throws Exception {
        String pretty = "{\n  \"note\": \"line one\\nline two \u2028 \u00e9\",\n  \"amount\": 1.50,\n"
                + "  \"big\": 123456789012345678901234567890,\n  \"list\": [1, 2]\n}\n";
        try (Handler handler = handler(Map.of())) {
            handler.handle(event("k1", pretty));
            handler.handle(event("k2", "\"just a string\""));
        }

        String text = Files.readString(today(), StandardCharsets.UTF_8);
        assertEquals(2, text.split("\n", -1).length - 1, "two lines, no newline inside one");
        JsonNode body = lines(today()).get(0).get("body");
        assertEquals("line one\nline two \u2028 \u00e9", body.get("note").asText());
        assertEquals(JSON.readTree(pretty), body);
        assertTrue(text.contains("\"body\":" + pretty.replace('\n', ' ') + "}\n"),
                "the sender's own text, line breaks made spaces: " + text);
        assertTrue(text.contains("\"amount\": 1.50,"), text);
        assertTrue(text.contains("\"big\": 123456789012345678901234567890,"), text);
        assertEquals("just a string", lines(today()).get(1).get("body").asText(),
                "a JSON string body is embedded, never confused with base64");
    }

    @Test
    void bodyBase64KeepsEvenJsonBodiesAsExactBytes() throws Exception {
        String body = "{ \"event\" : \"record.created\" }";
        try (Handler handler = handler(Map.of("body", "base64"))) {
            handler.handle(event("k1", body));
        }

        JsonNode line = lines(today()).get(0);
        assertFalse(line.has("body"));
        assertEquals(body, new String(Base64.getDecoder().decode(line.get("bodyBase64").asText()),
                StandardCharsets.UTF_8));
    }

    @Test
    void rollsToANewFileAtMidnightUtcOfTheClock() throws Exception {
        clock.set(Instant.parse("2025-03-14T23:59:59.999Z"));
        try (Handler handler = handler(Map.of())) {
            handler.handle(event("before", "{}"));
            clock.set(Instant.parse("2025-03-15T00:00:00Z"));
            handler.handle(event("after", "{}"));
            handler.handle(event("after-2", "{}"));
        }

        assertEquals(List.of("before"), keys(archive().resolve("2025-03-14.jsonl")));
        assertEquals(List.of("after", "after-2"), keys(archive().resolve("2025-03-15.jsonl")));
        assertEquals("2025-01-01T12:00:00Z", lines(archive().resolve("2025-03-15.jsonl")).get(0)
                .get("receivedAt").asText(), "the line keeps when the event was received");
    }

    @Test
    void appendsToAnExistingFileAfterARestart() throws Exception {
        try (Handler first = handler(Map.of("fsync", false))) {
            first.handle(event("one", "{}"));
        }
        try (Handler second = handler(Map.of("fsync", false))) {
            second.handle(event("two", "{}"));
        }

        assertEquals(List.of("one", "two"), keys(today()));
    }

    @Test
    void aClosedHandlerRefusesEvents() throws Exception {
        Handler handler = handler(Map.of());
        handler.close();

        assertThrows(IllegalStateException.class, () -> handler.handle(event("k", "{}")));
    }

    @Test
    void aDuplicateDeliveryIsArchivedAgainSinceDeliveryIsAtLeastOnce() throws Exception {
        WebhookEvent event = leastEvent("record.archived");
        try (Handler handler = handler(Map.of())) {
            handler.handle(event);
            handler.handle(event);
        }

        assertEquals(List.of(event.deliveryKey(), event.deliveryKey()), keys(today()));
    }

    private static List<String> keys(Path file) {
        return lines(file).stream().map(line -> line.get("deliveryKey").asText()).toList();
    }
}
