package dev.hookyard.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.RunStatus;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LeastFixtures;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.CompiledJar;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.vendor.least.LeastPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins dropped into the plugins directory, working in a real server: deliveries over HTTP, the store, dispatch.
 * A handler plugin runs with its own class loader as the context class loader and sees only what the host shares;
 * a third-party vendor module works exactly like a built-in one.
 */
class DroppedInPluginServerTest {

    private static final String ACME_SECRET = "acme-webhook-secret";

    @TempDir
    static Path built;

    private static Path probe;
    private static Path acme;

    @TempDir
    Path home;

    private final RecordingHandlers recording = new RecordingHandlers();
    private InstalledPlugins installed;
    private TestServer server;

    @BeforeAll
    static void buildJars() {
        probe = CompiledJar.builder()
                .source("probe.ProbePlugin", TestPluginSources.PROBE)
                .compileAgainst(CompiledJar.locationOf(LeastPlugin.class))
                .hookyardPlugin("probe.ProbePlugin")
                .writeTo(built.resolve("probe.jar"));
        acme = CompiledJar.builder()
                .source("dev.hookyard.vendor.acme.events.OrderPlaced", TestPluginSources.ACME_EVENT)
                .source("dev.hookyard.vendor.acme.AcmePlugin", TestPluginSources.ACME_PLUGIN)
                .hookyardPlugin("dev.hookyard.vendor.acme.AcmePlugin")
                .writeTo(built.resolve("acme-vendor.jar"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (installed != null) {
            installed.close();
        }
    }

    /** Starts a server with the built-in plugin, LEAST, the recording handlers and what is in home/plugins. */
    private TestServer start(String yaml, Path... jars) throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        for (Path jar : jars) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        installed = InstalledPlugins.of(List.of(new BuiltinPlugin(), new LeastPlugin(), recording), plugins,
                PluginFailurePolicy.FAIL);
        server = TestServer.wrap(Hookyard.start(TestServer.load(home, TestServer.serverSection() + yaml), installed,
                Clock.systemUTC(), TestServer.FAST_RETRIES));
        return server;
    }

    private static RunView awaitFinishedRun(TestServer server, String endpoint, String key, String handler) {
        RunView[] found = new RunView[1];
        Eventually.await(() -> {
            Optional<StoredDelivery> delivery = server.findByKey(endpoint, key);
            if (delivery.isEmpty()) {
                return false;
            }
            try {
                for (RunView run : server.store().runs(delivery.get().id())) {
                    if (run.handler().equals(handler) && run.status() != RunStatus.PENDING) {
                        found[0] = run;
                        return true;
                    }
                }
            } catch (StoreUnavailableException e) {
                throw new IllegalStateException(e);
            }
            return false;
        }, () -> "no finished run of " + handler + " for " + endpoint + "/" + key);
        return found[0];
    }

    @Test
    void aHandlerPluginRunsWithItsOwnContextClassLoaderAndSeesOnlyTheSharedPackages() throws Exception {
        TestServer server = start("""
                endpoints: { least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] } }
                handlers: { probe: { type: probe } }
                routes: [ { events: [record.created], to: [probe] } ]
                """, probe);
        Delivery delivery = LeastFixtures.recordCreated("least", 77);

        assertEquals(200, server.post("/hooks/least", delivery).statusCode());
        RunView run = awaitFinishedRun(server, "least", LeastFixtures.keyOf(delivery.body()), "probe");

        assertEquals(RunStatus.DROPPED, run.status());
        assertEquals("create-tccl=true handle-tccl=true server=false host-jackson=false slf4j=false"
                + " least-internals=false spi=true event=RecordCreated#77", run.lastError());
    }

    @Test
    void aThirdPartyVendorModuleWorksLikeABuiltInOne() throws Exception {
        TestServer server = start("""
                endpoints:
                  orders: { vendor: acme, secrets: ["%s"] }
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
                handlers: { placed: { type: recording }, any: { type: recording } }
                routes:
                  - { vendor: acme, events: [order.placed], to: [placed] }
                  - { from: orders, events: ["order.*"], to: [any] }
                """.formatted(ACME_SECRET), acme);
        Vendor vendor = server.hookyard().endpoints().byName("orders").orElseThrow().vendor();
        SignedDeliveries signed = SignedDeliveries.of(vendor, "orders", Secret.of(ACME_SECRET), Clock.systemUTC());
        Delivery placed = signed.sample("order.placed");
        Delivery cancelled = signed.body("{\"type\":\"order.cancelled\",\"order_id\":\"A-7\"}");
        Delivery forged = SignedDeliveries.of(vendor, "orders", Secret.of("not-the-secret"), Clock.systemUTC())
                .sample("order.placed");

        assertEquals(200, server.post("/hooks/orders", placed).statusCode(), "signed, verified, parsed, stored");
        assertEquals(200, server.post("/hooks/orders", cancelled).statusCode());
        assertEquals(401, server.post("/hooks/orders", forged).statusCode(), "the vendor's verifier refuses it");
        assertEquals(400, server.post("/hooks/orders", signed.body("[1, 2]")).statusCode(),
                "the vendor's parser refuses what is not its envelope");

        Eventually.await(() -> recording.events("any").size() == 2, () -> "any: " + recording.calls());
        List<WebhookEvent> toPlaced = recording.events("placed");
        assertEquals(1, toPlaced.size(), recording.calls().toString());
        WebhookEvent event = toPlaced.get(0);
        assertEquals("dev.hookyard.vendor.acme.events.OrderPlaced", event.getClass().getName());
        assertEquals("acme", event.vendor());
        assertEquals("order.placed", event.type());
        assertEquals("acme:order.placed:A-1001", event.deliveryKey());
        LoadedPlugin plugin = installed.loaded().get(0);
        assertSame(plugin.loader(), event.getClass().getClassLoader(), "its events are the plugin's own classes");
        assertNotSame(plugin.loader(), getClass().getClassLoader());
        assertInstanceOf(GenericEvent.class, recording.events("any").stream()
                .filter(e -> e.type().equals("order.cancelled")).findFirst().orElseThrow());

        StoredDelivery stored = server.findByKey("orders", "acme:order.placed:A-1001").orElseThrow();
        assertEquals("acme", stored.vendor());
        assertEquals("order.placed", stored.eventType());
        assertEquals(new String(placed.body(), StandardCharsets.UTF_8),
                new String(stored.body(), StandardCharsets.UTF_8));
        assertEquals(Map.of("any", RunStatus.DONE, "placed", RunStatus.DONE), runStatuses(server, stored.id()));
    }

    private static Map<String, RunStatus> runStatuses(TestServer server, long id) throws StoreUnavailableException {
        Eventually.await(() -> {
            try {
                return server.store().runs(id).stream().noneMatch(r -> r.status() == RunStatus.PENDING);
            } catch (StoreUnavailableException e) {
                throw new IllegalStateException(e);
            }
        }, () -> "runs of delivery " + id + " still pending");
        Map<String, RunStatus> statuses = new java.util.TreeMap<>();
        for (RunView run : server.store().runs(id)) {
            statuses.put(run.handler(), run.status());
        }
        return statuses;
    }

    @Test
    void aRouteToAnEventTypeTheThirdPartyVendorDoesNotSendIsAStartupErrorWithAHint() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> start("""
                endpoints: { orders: { vendor: acme, secrets: ["%s"] } }
                handlers: { placed: { type: recording } }
                routes: [ { from: orders, events: [order.plcaed], to: [placed] } ]
                """.formatted(ACME_SECRET), acme));

        assertTrue(e.getMessage().contains("routes[0].events: no vendor this route takes events from (acme) sends"
                + " event type 'order.plcaed' (did you mean 'order.placed'?)"), e.getMessage());
    }
}
