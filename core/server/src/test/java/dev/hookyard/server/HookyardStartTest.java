package dev.hookyard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup failures reach the caller as their own exception, not wrapped by the wiring, and leave nothing running. */
class HookyardStartTest {

    @TempDir
    Path home;

    @Test
    void anUnknownVendorStopsStartupWithTheConfigurationProblem() {
        HookyardConfig config = TestServer.load(home, TestServer.serverSection() + """
                endpoints:
                  least: { vendor: leats, secrets: ["x"] }
                """);

        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Hookyard.start(config, TestServer.plugins(), Clock.systemUTC()));

        assertEquals("endpoints.least.vendor", e.problems().get(0).key());
    }

    @Test
    void aStoreThatCannotBeOpenedStopsStartupWithStoreUnavailable() throws Exception {
        Files.writeString(home.resolve("not-a-dir"), "a file");
        HookyardConfig config = TestServer.load(home, """
                server: { host: 127.0.0.1, port: 0 }
                store: { path: not-a-dir/data }
                endpoints:
                  least: { vendor: least, secrets: ["x"] }
                """);

        assertThrows(StoreUnavailableException.class,
                () -> Hookyard.start(config, TestServer.plugins(), Clock.systemUTC()));
    }

    @Test
    void aPortInUseStopsStartupAndClosesWhatWasOpened() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HookyardConfig config = TestServer.load(home, """
                    server: { host: 127.0.0.1, port: %d }
                    endpoints:
                      least: { vendor: least, secrets: ["x"] }
                    handlers:
                      rec: { type: recording }
                    """.formatted(taken.getLocalPort()));
            RecordingHandlers recording = new RecordingHandlers();

            assertThrows(java.io.IOException.class,
                    () -> Hookyard.start(config, TestServer.plugins(recording), Clock.systemUTC()));

            assertTrue(recording.isClosed("rec"), "handlers are closed when startup fails");
        }
    }

    @Test
    void aStartedServerNamesItsBoundPortAndEndpoints() throws Exception {
        try (TestServer server = TestServer.start(home, TestServer.serverSection() + """
                endpoints:
                  least: { vendor: least, secrets: ["x"] }
                  second: { vendor: least, secrets: ["y"], path: /in/second }
                """, new RecordingHandlers())) {
            assertTrue(server.port() > 0);
            assertEquals("127.0.0.1", server.hookyard().host());
            assertEquals("/in/second", server.hookyard().endpoints().byName("second").orElseThrow().path());
            assertEquals("second", server.hookyard().endpoints().byPath("/in/second").orElseThrow().name());
        }
    }
}
