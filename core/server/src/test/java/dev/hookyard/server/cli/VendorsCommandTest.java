package dev.hookyard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.vendor.least.LeastVendorFactory;
import dev.hookyard.testkit.VendorContexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hookyard vendors}: the vendors discovered as the server discovers them, in text and JSON. */
class VendorsCommandTest {

    @TempDir
    Path home;

    @Test
    void textListsEveryVendorWithItsOptionsAndEventTypes() {
        CommandRun run = CommandRun.of(home, Map.of(), "vendors");

        assertEquals(0, run.status(), run.transcript());
        for (String id : List.of("least", "absorb", "leah", "leaflink", "falkor", "standard-webhooks", "stripe")) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(id + " - ")), id + "\n" + run.transcript());
        }
        assertTrue(run.out().contains("  from: the server's lib/"), run.transcript());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("    channel +optional  which LEAST webhook system.*")),
                run.transcript());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("    platform +optional  .*")), run.transcript());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("    pastToleranceSeconds +optional  .*")),
                run.transcript());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("    payment_intent\\.succeeded +\\S.*")),
                run.transcript());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("    record\\.created +\\S.*")), run.transcript());
        assertEquals("", run.err(), run.transcript());
    }

    @Test
    void jsonHasEveryOptionAndEveryCatalogEventType() throws Exception {
        CommandRun run = CommandRun.of(home, Map.of(), "vendors", "--json");

        assertEquals(0, run.status(), run.transcript());
        JsonNode vendors = new ObjectMapper().readTree(run.out()).path("vendors");
        List<String> ids = new ArrayList<>();
        vendors.forEach(v -> ids.add(v.path("id").asText()));
        assertTrue(ids.containsAll(List.of("least", "absorb", "leah", "leaflink", "falkor", "standard-webhooks",
                "stripe")), ids.toString());
        for (JsonNode vendor : vendors) {
            assertFalse(vendor.path("description").asText().isBlank(), vendor.toString());
            assertTrue(vendor.path("eventTypes").size() > 0, vendor.toString());
            vendor.path("eventTypes").forEach(t -> assertFalse(t.path("description").asText().isBlank(), t.toString()));
        }
        JsonNode least = vendors.get(ids.indexOf("least"));
        List<String> expectedTypes = new LeastVendorFactory().create(VendorContexts.withSecrets("least", "s"))
                .catalog().names();
        List<String> listedTypes = new ArrayList<>();
        least.path("eventTypes").forEach(t -> listedTypes.add(t.path("name").asText()));
        assertEquals(expectedTypes, listedTypes);
        JsonNode channel = least.path("options").get(0);
        assertEquals("channel", channel.path("name").asText());
        assertFalse(channel.path("required").asBoolean());
        assertTrue(channel.has("description"));
    }

    @Test
    void namedVendorsOnlyAndAMistypedOneIsAUsageError() {
        CommandRun one = CommandRun.of(home, Map.of(), "vendors", "leah");
        assertEquals(0, one.status(), one.transcript());
        assertTrue(one.out().startsWith("leah - "), one.transcript());
        assertFalse(one.out().contains("least - "), one.transcript());

        CommandRun typo = CommandRun.of(home, Map.of(), "vendors", "leafink");
        assertEquals(2, typo.status(), typo.transcript());
        assertTrue(typo.err().startsWith("hookyard vendors: unknown vendor 'leafink' (did you mean 'leaflink'?)"),
                typo.transcript());
    }
}
