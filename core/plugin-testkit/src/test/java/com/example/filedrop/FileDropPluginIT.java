package com.example.filedrop;

// tag::test[]
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.plugin.HandlerRun;
import dev.hookyard.testkit.plugin.HandlerSetup;
import dev.hookyard.testkit.plugin.HandlerUnderTest;
import dev.hookyard.testkit.plugin.PluginReceiver;
import dev.hookyard.testkit.plugin.PluginUnderTest;
import dev.hookyard.testkit.plugin.SampleEvents;
import dev.hookyard.vendor.least.LeastPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropPluginIT {

    /** The drop-in folder 'mvn package' built: the plugin's JAR and its libraries. */
    static final Path PLUGIN = Path.of("target", "plugin", "file-drop");

    static final SampleEvents LEAST = SampleEvents.of(new LeastPlugin().vendors().get(0), "test-secret");

    @Test
    void writesEveryCatalogSampleOfAVendor(@TempDir Path home) throws Exception {
        try (PluginUnderTest plugin = PluginUnderTest.load(PLUGIN);
             HandlerUnderTest handler = plugin.handler("file-drop", Map.of("directory", "drops"), home)) {
            for (WebhookEvent event : LEAST.all()) {
                assertEquals(Outcome.done(), handler.handle(event));
                Path file = home.resolve("drops").resolve(event.deliveryKey() + ".json");
                assertArrayEquals(event.delivery().body(), Files.readAllBytes(file));
            }
        }
    }

    @Test
    void refusesOptionsAsTheServerWould(@TempDir Path home) {
        try (PluginUnderTest plugin = PluginUnderTest.load(PLUGIN)) {
            HandlerSetup setup = plugin.configure("file-drop", Map.of("directory", "drops", "maxBodyBytes", 0), home);
            assertEquals(new HandlerSetup.Refused(List.of("handlers.file-drop.options.maxBodyBytes: must be between 1"
                    + " and 10485760 (fix: set maxBodyBytes to a value in that range)")), setup);
        }
    }

    @Test
    void handlesASignedDeliveryBehindARealReceiver(@TempDir Path home) {
        try (PluginUnderTest plugin = PluginUnderTest.load(PLUGIN);
             PluginReceiver receiver = plugin.receiver(LEAST, "file-drop", Map.of("directory", "drops"), home)) {
            HandlerRun run = receiver.deliver("record.created");
            assertEquals(HandlerRun.State.DONE, run.state());
            assertTrue(Files.exists(home.resolve("drops")
                    .resolve(LEAST.event("record.created").deliveryKey() + ".json")));
        }
    }
}
// end::test[]
