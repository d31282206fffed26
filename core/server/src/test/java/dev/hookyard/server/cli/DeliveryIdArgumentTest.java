package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deliveries show ID} and {@code replay ID} on a real store file holding delivery 1: an id is plain ASCII
 * digits, so no other spelling of 1 ({@code +1}, {@code 01}, another script's digits, padding) shows or replays it.
 */
class DeliveryIdArgumentTest {

    @TempDir
    Path home;

    @BeforeEach
    void oneFinishedDelivery() throws Exception {
        Path data = home.resolve("data");
        Files.writeString(home.resolve("hookyard.yaml"), "store: { path: '" + data.toAbsolutePath() + "' }\n"
                + "management: { enabled: false }\n"
                + "endpoints:\n  least: { vendor: least, secrets: [\"${env:LEAST_SECRET}\"] }\n"
                + "handlers:\n  archive: { type: log }\n"
                + "routes:\n  - { to: [archive] }\n");
        String body = "{\"event\":\"record.created\",\"record_id\":1}";
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(data, Clock.systemUTC())) {
            long id = store.append(new NewDelivery("least", "least", "record.created", LeastFixtures.keyOf(body),
                    Headers.empty(), body.getBytes(StandardCharsets.UTF_8), Instant.now(), List.of("archive")))
                    .id();
            assertEquals(1, id);
            store.record(id, "archive", new RunResult.Done());
        }
    }

    private CommandRun hookyard(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = home.resolve("hookyard.yaml").toString();
        return CommandRun.of(home, Map.of(), all);
    }

    @Test
    void onlyPlainAsciiDigitsNameADelivery() throws Exception {
        CommandRun shown = hookyard("deliveries", "show", "1");
        assertEquals(ExitCodes.OK, shown.status(), shown.transcript());
        assertTrue(shown.out().startsWith("Delivery 1\n"), shown.transcript());

        for (String spelling : List.of("+1", "01", "\u0661" /* Arabic-Indic one */, "\uFF11" /* fullwidth */, " 1",
                "1 ", "1;x", "12345678901234567890123")) {
            CommandRun show = hookyard("deliveries", "show", spelling);
            assertEquals(ExitCodes.CONFIG, show.status(), show.transcript());
            assertTrue(show.err().contains("ID: "), show.transcript());
            CommandRun replay = hookyard("replay", spelling);
            assertEquals(ExitCodes.CONFIG, replay.status(), replay.transcript());
        }
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(home.resolve("data"), Clock.systemUTC())) {
            assertEquals(RunStatus.DONE, store.runs(1).get(0).status(), "no spelling replayed delivery 1");
        }
    }
}
