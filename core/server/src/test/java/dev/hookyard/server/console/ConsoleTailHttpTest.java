package dev.hookyard.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live tail's event stream over real HTTP: an accepted delivery and a forged one arrive as events, the refusal
 * with its reason, endpoint and client, and nothing of a secret, a signature or a body.
 */
class ConsoleTailHttpTest {

    @TempDir
    Path home;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void acceptedAndRefusedDeliveriesStreamWithoutSecretsOrBodies() throws Exception {
        server = TestServer.start(home, TestServer.serverSection() + TestServer.LEAST_TO_REC, new RecordingHandlers());
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> stream = client.sendAsync(HttpRequest.newBuilder(
                server.managementUri(TailStream.PATH)).GET().build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElseThrow());
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            java.util.Iterator<String> it = stream.body().iterator();
            while (it.hasNext()) {
                String line = it.next();
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.contains("\"reason\"")) {
                    return; // the refusal: the last event this test waits for
                }
            }
        });
        Eventually.await(() -> {
            synchronized (lines) {
                return lines.contains(": connected");
            }
        }, () -> "the stream's first comment");

        Delivery good = LeastFixtures.recordCreated("least", 7);
        assertEquals(200, server.post("/hooks/least", good).statusCode());
        String forgedBody = "{\"event\":\"record.created\",\"record_id\":8}";
        assertEquals(401, server.post("/hooks/least", forgedBody,
                Map.of(LeastFixtures.SIGNATURE_HEADER, "sha256=" + "ab".repeat(32))).statusCode());
        reading.get(10, TimeUnit.SECONDS);
        stream.body().close();

        String text;
        synchronized (lines) {
            text = String.join("\n", lines);
        }
        assertTrue(text.contains("event: accepted\ndata: {\"at\":\""), text);
        assertTrue(text.contains("\"endpoint\":\"least\",\"vendor\":\"least\",\"type\":\"record.created\",\"id\":1,"
                + "\"handlers\":1}"), text);
        assertTrue(text.contains("event: refused\ndata: {\"at\":\""), text);
        assertTrue(text.contains("\"endpoint\":\"least\",\"reason\":\"mismatch\",\"client\":\"127.0.0.1\"}"), text);
        String signature = good.headers().first(LeastFixtures.SIGNATURE_HEADER).orElseThrow();
        for (String secret : List.of(LeastFixtures.SPEC_SECRET, signature, "ab".repeat(32), "record_id",
                new String(good.body(), StandardCharsets.UTF_8))) {
            assertFalse(text.contains(secret), "the stream shows " + secret);
        }
    }
}
