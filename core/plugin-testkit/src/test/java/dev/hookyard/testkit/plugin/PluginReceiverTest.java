package dev.hookyard.testkit.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Delivery;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.vendor.least.LeastPlugin;
import dev.hookyard.spi.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One call runs the plugin behind a real receiver: HTTP on a free port, the server's loader, store and dispatch. */
class PluginReceiverTest {

    private static final SampleEvents LEAST = SampleEvents.of(new LeastPlugin().vendors().get(0), "least-secret");

    @TempDir
    static Path built;

    private static Path answer;

    @TempDir
    Path home;

    @BeforeAll
    static void build() {
        answer = TestPlugins.answerJar(built);
    }

    @Test
    void aSignedSampleReachesTheHandlerThroughTheReceiver() {
        try (PluginUnderTest plugin = PluginUnderTest.load(answer);
             PluginReceiver receiver = plugin.receiver(LEAST, "answer", Map.of("answer", "drop"), home)) {
            assertEquals("/hooks/least", receiver.path());
            assertFalse(receiver.pluginInModuleLayer());

            HandlerRun run = receiver.deliver("record.created");

            String key = LEAST.event("record.created").deliveryKey();
            assertEquals(new HandlerRun(HandlerRun.State.DROPPED, 1,
                    "dev.hookyard.vendor.least.events.RecordCreated " + key + " own-context-loader=true"), run);
        }
    }

    @Test
    void aHandlerThatFailsIsToBeRetriedAndOneThatSucceedsIsDone() {
        try (PluginUnderTest plugin = PluginUnderTest.load(answer)) {
            try (PluginReceiver receiver = plugin.receiver(LEAST, "answer", Map.of("answer", "fail"), home)) {
                HandlerRun run = receiver.deliver("record.archived");
                assertEquals(HandlerRun.State.RETRYING, run.state());
                assertTrue(run.lastError().contains("failing as configured"), run.lastError());
            }
        }
        try (PluginUnderTest plugin = PluginUnderTest.load(answer);
             PluginReceiver receiver = plugin.receiver(LEAST, "answer", Map.of("answer", "done"),
                     home.resolve("second"))) {
            assertEquals(HandlerRun.State.DONE, receiver.deliver("record.archived").state());
        }
    }

    @Test
    void aForgedDeliveryIsRefusedByTheVendorBeforeAnyHandler() {
        try (PluginUnderTest plugin = PluginUnderTest.load(answer);
             PluginReceiver receiver = plugin.receiver(LEAST, "answer", Map.of("answer", "done"), home)) {
            Delivery forged = SignedDeliveries.of(new LeastPlugin().vendors().get(0).create(
                    dev.hookyard.testkit.VendorContexts.withSecrets("least", "least-secret")), "least",
                    Secret.of("not-the-secret"), Clock.systemUTC()).sample("record.created");
            assertEquals(401, receiver.post(forged));
        }
    }

    @Test
    void optionsTheServerRefusesStopItWithTheStartupMessageTheHarnessGivesToo() {
        try (PluginUnderTest plugin = PluginUnderTest.load(answer)) {
            Map<String, Object> options = Map.of("answer", "done", "limit", 500);
            AssertionError refused = assertThrows(AssertionError.class,
                    () -> plugin.receiver(LEAST, "answer", options, home));
            HandlerSetup.Refused direct = (HandlerSetup.Refused) plugin.configure("answer", options, home);

            assertEquals(1, direct.problems().size());
            assertTrue(refused.getMessage().startsWith("the server would not start: invalid configuration in "
                    + home.resolve("hookyard.yaml").toAbsolutePath().normalize() + ":"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("\n  - " + direct.problems().get(0)), refused.getMessage());
        }
    }
}
