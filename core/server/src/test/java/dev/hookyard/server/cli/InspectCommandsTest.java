package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store commands run in-process through {@link HookyardCommand#execute}, on a real store file: the data
 * directory of a stopped server, and that of a running server (whose dispatcher then handles what was replayed).
 * The configuration references a secret the test's environment does not have, as an operator's shell would not.
 */
class InspectCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs a store command on this test's configuration file, without environment variables. */
    private CommandRun hookyard(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config().toString();
        return CommandRun.of(home, Map.of(), all);
    }

    private Path config() {
        return home.resolve("hookyard.yaml");
    }

    private Path data() {
        return home.resolve("data");
    }

    /** The configuration, with the store at an absolute path (relative ones resolve against the Hookyard home). */
    private String yaml(String routes) {
        return "server: { host: 127.0.0.1, port: 0 }\n"
                + "store: { path: '" + data().toAbsolutePath() + "' }\n"
                + "management: { enabled: false }\n"
                + "endpoints:\n"
                + "  least: { vendor: least, secrets: [\"${env:LEAST_SECRET}\"] }\n"
                + "handlers:\n"
                + "  archive: { type: recording }\n"
                + "  slack: { type: recording }\n"
                + "routes:\n" + routes;
    }

    private void writeConfig(String routes) throws Exception {
        Files.writeString(config(), yaml(routes));
    }

    private void startServer(String routes) throws Exception {
        server = TestServer.start(home, yaml(routes), recording);
    }

    /** Stores deliveries the way a stopped server left them: without running a server. */
    private long append(String type, long recordId, Instant at, List<String> handlers) throws Exception {
        String body = "{\"event\":\"" + type + "\",\"record_id\":" + recordId + ",\"pad\":\"" + "x".repeat(3000) + "\"}";
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(data(), Clock.systemUTC())) {
            AppendResult result = store.append(new NewDelivery("least", "least", type, LeastFixtures.keyOf(body),
                    Headers.ofSingle(Map.of("Content-Type", "application/json",
                            LeastFixtures.SIGNATURE_HEADER, "sha256=0123456789abcdef")),
                    body.getBytes(StandardCharsets.UTF_8), at, handlers));
            return result.id();
        }
    }

    private RunStatus runStatus(long id, String handler) {
        try {
            return server.store().runs(id).stream().filter(r -> r.handler().equals(handler)).findFirst()
                    .map(RunView::status).orElse(null);
        } catch (StoreUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void listShowAndPurgeOnAStoppedServersDataDirectory() throws Exception {
        writeConfig("  - { from: least, to: [archive] }\n");
        Instant now = Instant.now();
        long old = append("record.created", 1, now.minus(Duration.ofDays(40)), List.of());
        long recent = append("record.archived", 2, now.minusSeconds(60), List.of());

        CommandRun list = hookyard("deliveries", "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().startsWith("ID "), list.out());
        assertTrue(list.out().contains("record.created") && list.out().contains("record.archived"), list.out());

        CommandRun filtered = hookyard("deliveries", "list", "--type", "record.arch*", "--since", "1h", "--json");
        assertEquals(0, filtered.status(), filtered.err());
        JsonNode page = JSON.readTree(filtered.out());
        assertEquals(1, page.get("deliveries").size());
        assertEquals(recent, page.get("deliveries").get(0).get("id").asLong());

        CommandRun paged = hookyard("deliveries", "list", "--limit", "1");
        assertTrue(paged.out().contains("--after " + old), paged.out());

        CommandRun show = hookyard("deliveries", "show", Long.toString(old));
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains(LeastFixtures.SIGNATURE_HEADER + ": ****"), show.out());
        assertFalse(show.out().contains("0123456789abcdef"), "the signature is never shown");
        assertTrue(show.out().contains("--full-body shows all"), "a long body is cut short by default");
        assertTrue(show.out().contains("none (no route selected a handler)"), show.out());
        CommandRun full = hookyard("deliveries", "show", Long.toString(old), "--full-body");
        assertTrue(full.out().contains("x".repeat(3000)), "--full-body shows the whole body");
        JsonNode shownJson = JSON.readTree(hookyard("deliveries", "show", Long.toString(old), "--json").out());
        assertEquals("[\"****\"]", shownJson.get("headers").get(LeastFixtures.SIGNATURE_HEADER).toString());

        CommandRun dry = hookyard("purge", "--dry-run");
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().startsWith("Would purge 1 deliveries"), dry.out());
        CommandRun purge = hookyard("purge", "--json");
        assertEquals(1, JSON.readTree(purge.out()).get("purged").asInt());
        assertEquals(4, hookyard("deliveries", "show", Long.toString(old)).status(), "purged: not found");
        assertEquals(0, hookyard("deliveries", "show", Long.toString(recent)).status());
    }

    @Test
    void replayOnAStoppedServersStoreIsHandledWhenTheServerStarts() throws Exception {
        writeConfig("  - { from: least, to: [archive] }\n");
        long unrouted = append("record.created", 3, Instant.now(), List.of());

        CommandRun replay = hookyard("replay", Long.toString(unrouted));

        assertEquals(0, replay.status(), replay.err());
        assertTrue(replay.out().contains("Replayed delivery " + unrouted + " to archive"), replay.out());
        startServer("  - { from: least, to: [archive] }\n");
        Eventually.await(() -> runStatus(unrouted, "archive") == RunStatus.DONE,
                () -> "archive run: " + runStatus(unrouted, "archive"));
        assertEquals(1, recording.events("archive").size());
    }

    @Test
    void replayAgainstARunningServersDataDirectoryIsPickedUpByItsDispatcher() throws Exception {
        AtomicBoolean fixed = new AtomicBoolean(false);
        recording.script("slack", call -> {
            if (!fixed.get()) {
                throw new IllegalStateException("slack is down");
            }
            return Outcome.done();
        });
        startServer("  - { from: least, to: [archive, slack] }\n");
        String body = "{\"event\":\"record.created\",\"record_id\":4}";
        assertEquals(200, server.post("/hooks/least", LeastFixtures.signed("least").body(body)).statusCode());
        long id = server.findByKey("least", LeastFixtures.keyOf(body)).orElseThrow().id();
        Eventually.await(() -> runStatus(id, "slack") == RunStatus.DEAD, () -> "slack: " + runStatus(id, "slack"));
        Eventually.await(() -> runStatus(id, "archive") == RunStatus.DONE, () -> "archive not done");

        CommandRun failed = hookyard("deliveries", "list", "--status", "failed", "--json");
        assertEquals(id, JSON.readTree(failed.out()).get("deliveries").get(0).get("id").asLong(), failed.out());
        CommandRun shown = hookyard("deliveries", "show", Long.toString(id));
        assertTrue(shown.out().contains("slack is down"), shown.out());

        fixed.set(true);
        CommandRun replay = hookyard("replay", "--all", "--status", "failed", "--handler", "slack");

        assertEquals(0, replay.status(), replay.err());
        assertTrue(replay.out().contains("Replayed 1 of 1 matching deliveries (slack: 1)"), replay.out());
        Eventually.await(() -> runStatus(id, "slack") == RunStatus.DONE, () -> "slack: " + runStatus(id, "slack"));
        assertEquals(1, recording.events("archive").size(), "only the named handler was replayed");
        assertEquals("done", JSON.readTree(hookyard("deliveries", "show", Long.toString(id), "--json").out())
                .get("status").asText());
    }

    @Test
    void exitCodesAndMessagesForWhatCannotBeDone() throws Exception {
        writeConfig("  - { from: least, events: [\"record.created\"], to: [archive] }\n");

        CommandRun noStore = hookyard("deliveries", "list");
        assertEquals(3, noStore.status(), "no store yet: unavailable");
        assertTrue(noStore.err().contains("no store at"), noStore.err());

        long unrouted = append("record.archived", 5, Instant.now(), List.of());
        CommandRun unknownHandler = hookyard("replay", Long.toString(unrouted), "--handler", "slak");
        assertEquals(2, unknownHandler.status());
        assertTrue(unknownHandler.err().contains("did you mean 'slack'"), unknownHandler.err());

        CommandRun noRoute = hookyard("replay", Long.toString(unrouted));
        assertEquals(4, noRoute.status());
        assertTrue(noRoute.err().contains("no route selects a handler"), noRoute.err());

        assertEquals(4, hookyard("replay", "999").status(), "no such delivery");
        assertEquals(4, hookyard("deliveries", "show", "999").status());
        assertEquals(2, hookyard("deliveries", "list", "--since", "last tuesday").status());
        assertEquals(2, hookyard("deliveries", "list", "--status", "lost").status());
        assertEquals(2, hookyard("replay").status(), "an id or --all is required");
        assertEquals(2, hookyard("replay", "1", "--all").status());
        assertEquals(2, hookyard("replay", "1", "--status", "failed").status(), "filters need --all");
        assertEquals(2, hookyard("purge", "--older-than", "soon").status());

        CommandRun dryAll = hookyard("replay", "--all", "--dry-run", "--handler", "slack");
        assertEquals(0, dryAll.status(), dryAll.err());
        assertTrue(dryAll.out().startsWith("Would replay 1 of 1"), dryAll.out());

        StringWriter help = new StringWriter();
        assertEquals(0, HookyardCommand.execute(new PrintWriter(help, true), new PrintWriter(new StringWriter()),
                "replay", "--help"));
        assertTrue(help.toString().contains("--handler"), help.toString());
    }

    @Test
    void theServerPurgesOldFinishedDeliveriesAtStartByItself() throws Exception {
        writeConfig("  - { from: least, to: [archive] }\n");
        long old = append("record.created", 6, Instant.now().minus(Duration.ofDays(31)), List.of());
        long kept = append("record.created", 7, Instant.now().minus(Duration.ofDays(29)), List.of());

        startServer("  - { from: least, to: [archive] }\n");

        Eventually.await(() -> {
            try {
                return server.store().find(old).isEmpty();
            } catch (StoreUnavailableException e) {
                throw new IllegalStateException(e);
            }
        }, () -> "delivery " + old + " (31 days old) was not purged");
        assertTrue(server.store().find(kept).isPresent(), "29 days is within the default 30-day retention");
    }
}
