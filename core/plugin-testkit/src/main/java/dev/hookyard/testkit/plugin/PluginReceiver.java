package dev.hookyard.testkit.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.server.Hookyard;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.InvalidConfigException;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.plugin.PluginConflictException;
import dev.hookyard.server.plugin.PluginFailurePolicy;
import dev.hookyard.server.plugin.PluginLoadException;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Hookyard receiver with the plugin under test dropped into its {@code plugins/}: its own configuration
 * file, plugin loading, Jetty listener on a free loopback port, store on disk and dispatcher, all the server's.
 * The endpoint is named after the vendor ({@code /hooks/VENDOR}); the handler after its type; one route sends it
 * every delivery. The management API is off.
 *
 * <pre>{@code
 * try (PluginReceiver receiver = plugin.receiver(samples, "archive", Map.of("directory", "out"), home)) {
 *     HandlerRun run = receiver.deliver("record.created");
 *     assertEquals(HandlerRun.State.DONE, run.state());
 * }
 * }</pre>
 */
public final class PluginReceiver implements AutoCloseable {

    private static final String SECRET_VARIABLE = "HOOKYARD_SAMPLE_SECRET";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Hookyard hookyard;
    private final InstalledPlugins plugins;
    private final SampleEvents samples;
    private final String handler;

    private PluginReceiver(Hookyard hookyard, InstalledPlugins plugins, SampleEvents samples, String handler) {
        this.hookyard = hookyard;
        this.plugins = plugins;
        this.samples = samples;
        this.handler = handler;
    }

    static PluginReceiver start(Path plugin, SampleEvents samples, boolean pluginHasVendor, String type,
                                Map<String, ?> options, Path home) {
        Path file;
        try {
            Path plugins = Files.createDirectories(home.resolve("plugins"));
            copy(plugin, plugins.resolve(plugin.getFileName()));
            file = Files.writeString(home.resolve("hookyard.yaml"), configuration(samples, type, options),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The samples' vendor, as if shipped with the server, unless it is the plugin's own.
        List<HookyardPlugin> builtIn = pluginHasVendor ? List.of() : List.of(vendorOnly(samples.factory()));
        InstalledPlugins installed;
        try {
            installed = InstalledPlugins.of(builtIn, home.resolve("plugins"), PluginFailurePolicy.FAIL);
        } catch (PluginLoadException | PluginConflictException e) {
            throw new AssertionError("the server would not start: " + e.getMessage(), e);
        }
        try {
            HookyardConfig config = new ConfigLoader(home, Map.of(SECRET_VARIABLE, samples.secret())::get)
                    .load(file);
            return new PluginReceiver(Hookyard.start(config, installed, Clock.systemUTC()), installed, samples,
                    type);
        } catch (InvalidConfigException e) {
            installed.close();
            throw new AssertionError("the server would not start: " + e.getMessage(), e);
        } catch (Exception e) {
            installed.close();
            throw new IllegalStateException("the receiver did not start", e);
        }
    }

    /** The configuration file: JSON, which YAML reads as it is, so option values keep their types. */
    private static String configuration(SampleEvents samples, String type, Map<String, ?> options) {
        String vendor = samples.factory().id();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("vendor", vendor);
        endpoint.put("secrets", List.of("${env:" + SECRET_VARIABLE + "}"));
        endpoint.put("options", samples.options());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("server", Map.of("host", "127.0.0.1", "port", 0));
        root.put("management", Map.of("enabled", false));
        root.put("store", Map.of("path", "data"));
        root.put("endpoints", Map.of(vendor, endpoint));
        root.put("handlers", Map.of(type, Map.of("type", type, "options", options)));
        root.put("routes", List.of(Map.of("to", List.of(type))));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("options must be plain values (strings, numbers, booleans, lists,"
                    + " maps): " + e.getMessage(), e);
        }
    }

    private static HookyardPlugin vendorOnly(VendorFactory vendor) {
        return new HookyardPlugin() {
            @Override
            public List<VendorFactory> vendors() {
                return List.of(vendor);
            }
        };
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    /** The listener's port. */
    public int port() {
        return hookyard.port();
    }

    /** The endpoint's path, {@code /hooks/VENDOR}. */
    public String path() {
        return hookyard.endpoints().byName(samples.factory().id()).orElseThrow().path();
    }

    /** Whether the server's loader put the plugin in a module layer (else in a class loader). */
    public boolean pluginInModuleLayer() {
        return plugins.loaded().get(0).moduleLayer();
    }

    /** Posts a delivery over HTTP, as a sender would; returns the HTTP status the receiver answered. */
    public int post(Delivery delivery) {
        return LoopbackPost.send(hookyard.port(), path(), delivery);
    }

    /**
     * Posts the signed catalog sample of {@code eventType}, which must be accepted (200), and waits for the
     * handler's first attempt at it.
     */
    public HandlerRun deliver(String eventType) {
        int status = post(samples.delivery(eventType));
        if (status != 200) {
            throw new AssertionError("the receiver answered " + status + " to the signed sample of " + eventType);
        }
        return awaitRun(samples.event(eventType).deliveryKey());
    }

    /** Waits until the handler's first attempt at the delivery with this key is recorded, and returns the run. */
    public HandlerRun awaitRun(String deliveryKey) {
        HandlerRun[] run = new HandlerRun[1];
        Polling.until("an attempt of handler " + handler + " at delivery " + deliveryKey + " recorded", () -> {
            run[0] = run(deliveryKey).orElse(null);
            return run[0] != null;
        });
        return run[0];
    }

    private Optional<HandlerRun> run(String deliveryKey) {
        try {
            Optional<StoredDelivery> delivery = stored(deliveryKey);
            if (delivery.isEmpty()) {
                return Optional.empty();
            }
            for (RunView view : hookyard.store().runs(delivery.get().id())) {
                if (view.handler().equals(handler) && view.attempts() > 0) {
                    return Optional.of(new HandlerRun(state(view), view.attempts(), view.lastError()));
                }
            }
            return Optional.empty();
        } catch (StoreUnavailableException e) {
            throw new IllegalStateException("the receiver's store failed", e);
        }
    }

    /** The stored delivery with this key; ids are scanned from the first, the store being this test's alone. */
    private Optional<StoredDelivery> stored(String deliveryKey) throws StoreUnavailableException {
        String endpoint = samples.factory().id();
        for (long id = 1; ; id++) {
            Optional<StoredDelivery> found = hookyard.store().find(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (found.get().endpoint().equals(endpoint) && found.get().deliveryKey().equals(deliveryKey)) {
                return found;
            }
        }
    }

    private static HandlerRun.State state(RunView run) {
        return switch (run.status()) {
            case PENDING -> HandlerRun.State.RETRYING;
            case DONE -> HandlerRun.State.DONE;
            case DROPPED -> HandlerRun.State.DROPPED;
            case DEAD -> HandlerRun.State.DEAD;
        };
    }

    /** Stops the receiver and releases the plugin. */
    @Override
    public void close() {
        try {
            hookyard.close();
        } finally {
            plugins.close();
        }
    }
}
