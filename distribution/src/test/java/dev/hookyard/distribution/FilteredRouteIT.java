package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route with a filter on the real distribution: {@code bin/hookyard run} selects a signed delivery whose body the
 * filter matches and leaves the other unrouted, over real HTTP; its management API and {@code bin/hookyard check
 * --delivery}, run as a second process, say which filter condition said no.
 */
class FilteredRouteIT {

    private static final String OPEN =
            "{\"event\":\"record.action\",\"record_id\":1,\"action_id\":8,\"data\":{\"status\":\"open\"}}";
    private static final String CLOSED =
            "{\"event\":\"record.action\",\"record_id\":2,\"action_id\":8,\"data\":{\"status\":\"closed\"}}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    private ChildServer server;

    @AfterEach
    void killChild() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void theFilterSelectsOneDeliveryAndTheApiAndCheckSayWhyNotTheOther() throws Exception {
        Path launcher = ChildServer.distributionHome().resolve("bin/hookyard");
        Path config = ChildServer.writeConfig(work, work.resolve("store"), null, "  log: { type: log }",
                "  - from: least\n    events: [\"record.action\"]\n"
                        + "    filter: { body: { data: { status: { $in: [open, pending] } } } }\n    to: [log]");
        server = ChildServer.start(launcher, config, work);
        URI least = server.awaitReady().resolve("/hooks/least");
        URI management = server.awaitManagement();

        assertEquals(200, post(least, CLOSED).statusCode());
        assertEquals(200, post(least, OPEN).statusCode());

        String openKey = LeastSigning.deliveryKey(OPEN.getBytes(StandardCharsets.UTF_8));
        String closedKey = LeastSigning.deliveryKey(CLOSED.getBytes(StandardCharsets.UTF_8));
        server.awaitLine(l -> l.contains("hookyard.handler.log") && l.contains("key=" + openKey),
                "the log handler's line for the open delivery");
        // The closed one was decided at intake, before the open one was sent: no route, so no handler run.
        assertFalse(server.output().stream().anyMatch(l -> l.contains("hookyard.handler.log")
                && l.contains("key=" + closedKey)), server::transcript);

        String list = get(management.resolve("/deliveries?status=unrouted"));
        Matcher unrouted = Pattern.compile("\"id\"\\s*:\\s*(\\d+)[^}]*\"key\"\\s*:\\s*\"" + closedKey + "\"")
                .matcher(list);
        assertTrue(unrouted.find(), list);
        String id = unrouted.group(1);
        String detail = get(management.resolve("/deliveries/" + id));
        assertTrue(detail.contains("\"reason\" : \"filtered_out\""), detail);
        assertTrue(detail.contains("\"path\" : \"body.data.status.$in\""), detail);
        assertTrue(detail.contains("\"found\" : \"\\\"closed\\\"\""), detail);

        CommandProcess check = CommandProcess.run(launcher, work, Map.of("LEAST_SECRET", ChildServer.SECRET),
                "check", "--config", config.toString(), "--delivery", id);
        assertEquals(7, check.status(), check.output());
        assertTrue(check.output().contains("routes[0] (from least, events record.action): not selected by its"
                + " filter: body.data.status.$in: expected one of [\"open\", \"pending\"], found \"closed\""),
                check.output());
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-LEAST-Signature", LeastSigning.signature(ChildServer.SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
