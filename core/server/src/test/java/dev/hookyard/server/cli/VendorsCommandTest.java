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
        for (String id : List.of("least", "absorb", "leah", "leaflink", "falkor", "standard-webhooks", "stripe",
                "github", "hmac")) {
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
        assertTrue(run.out().lines().anyMatch(l -> l.matches("    pull_request\\.opened +\\S.*")), run.transcript());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("    header +required  the header that carries the"
                + " signature.*")), run.transcript());
        assertTrue(run.out().contains("  event types: listed once its required options are given with --option"
                + " (--option header: is required"), run.transcript());
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
                "stripe", "github", "hmac")), ids.toString());
        for (JsonNode vendor : vendors) {
            assertFalse(vendor.path("description").asText().isBlank(), vendor.toString());
            if (vendor.path("id").asText().equals("hmac")) {
                // Its catalog depends on its required options, which an endpoint gives and this listing does not.
                assertTrue(vendor.path("eventTypes").isNull(), vendor.toString());
                assertTrue(vendor.path("eventTypesProblem").asText().contains("header: is required"),
                        vendor.toString());
                continue;
            }
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

    @Test
    void optionsOfTheOneVendorNamedListTheEventTypesOfAnEndpointWithThoseOptions() {
        CommandRun run = CommandRun.of(home, Map.of(), "vendors", "hmac", "--option", "header=X-Signature",
                "--option", "type=/event", "--option", "eventTypes=order.created");

        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("  event types (1):\n    order.created  An event type listed in the"
                + " endpoint's eventTypes option."), run.transcript());
    }

    @Test
    void optionsNeedExactlyOneVendorAndWrongOnesAreAUsageError() {
        CommandRun all = CommandRun.of(home, Map.of(), "vendors", "--option", "header=X-Signature");
        assertEquals(2, all.status(), all.transcript());
        assertTrue(all.err().contains("--option applies to one vendor: name exactly one"), all.transcript());

        CommandRun wrong = CommandRun.of(home, Map.of(), "vendors", "hmac", "--option", "header=X-Signature",
                "--option", "type=event");
        assertEquals(2, wrong.status(), wrong.transcript());
        assertTrue(wrong.err().contains("--option type: is not a JSON pointer"), wrong.transcript());
    }
}
