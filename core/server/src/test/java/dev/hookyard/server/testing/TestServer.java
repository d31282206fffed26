package dev.hookyard.server.testing;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryPage;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.server.store.DeliverySummary;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.tracing.Tracing;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.vendor.least.LeastPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Hookyard for tests: configuration from YAML written into a temporary home and loaded by
 * {@link ConfigLoader}, a real SQLite store under that home, a real Jetty on a free port, and a real HTTP client.
 */
public final class TestServer implements AutoCloseable {

    /** Environment seen by the configuration: {@code ${env:LEAST_SECRET}} is the SPEC secret. */
    public static final Map<String, String> ENV = Map.of("LEAST_SECRET", LeastFixtures.SPEC_SECRET);

    /** Fast enough that retry tests finish in well under a second. */
    public static final RetrySchedule FAST_RETRIES = new RetrySchedule(4, Duration.ofMillis(20), Duration.ofMillis(80));

    static {
        // Test requests ask the server to close the connection after answering: an idle keep-alive connection
        // held by the client makes Jetty's graceful stop wait about a second, for every server a test closes.
        // java.net.http reads this once, when it is first used; all tests go through this class to use it, and a
        // missed setting fails loudly ("restricted header name"). Keep-alive itself is tested over a raw socket.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Hookyard hookyard;

    private TestServer(Hookyard hookyard) {
        this.hookyard = hookyard;
    }

    /** Endpoint {@code least}: the LEAST vendor with the SPEC secret (from {@code ${env:LEAST_SECRET}}). */
    public static final String LEAST_ENDPOINT = """
            endpoints:
              least: { vendor: least, secrets: ["${env:LEAST_SECRET}"] }
            """;

    /** The recording handler {@code rec}, and one route that sends it every delivery. */
    public static final String ALL_TO_REC = """
            handlers:
              rec: { type: recording }
            routes:
              - { to: [rec] }
            """;

    /** The usual pipeline of tests: endpoint {@code least}, every delivery to the recording handler {@code rec}. */
    public static final String LEAST_TO_REC = LEAST_ENDPOINT + ALL_TO_REC;

    /** The usual listener and store settings for tests: loopback, any free port, store in {@code home/data}. */
    public static String serverSection() {
        return "server: { host: 127.0.0.1, port: 0 }\nstore: { path: data }\n";
    }

    /**
     * Writes {@code yaml} to {@code home/hookyard.yaml} and loads it. Unless the YAML has a {@code management:}
     * section, the management API is put on a free loopback port: its default, 9090, would make tests collide
     * with each other and with anything else on the machine.
     */
    public static HookyardConfig load(Path home, String yaml) {
        return loader(home).load(write(home, yaml));
    }

    /** What {@link #load} reads with: a reload reads the file again the same way. */
    public static ConfigLoader loader(Path home) {
        return new ConfigLoader(home, ENV::get);
    }

    /**
     * Writes {@code yaml} as {@link #load} does (with a free management port unless it has a {@code management:}
     * section), by writing a new file and renaming it over the old one, as editors save: returns the file.
     */
    public static Path write(Path home, String yaml) {
        if (!yaml.contains("management:")) {
            yaml = yaml + (yaml.endsWith("\n") ? "" : "\n") + "management: { host: 127.0.0.1, port: 0 }\n";
        }
        Path file = home.resolve("hookyard.yaml");
        try {
            Files.createDirectories(home);
            Path saved = Files.writeString(home.resolve(".hookyard.yaml.swp"), yaml, StandardCharsets.UTF_8);
            Files.move(saved, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The built-in plugin, LEAST and the recording handlers. */
    public static InstalledPlugins plugins(HookyardPlugin... extra) {
        List<HookyardPlugin> all = new ArrayList<>(List.of(new BuiltinPlugin(), new LeastPlugin()));
        all.addAll(List.of(extra));
        return InstalledPlugins.of(all);
    }

    public static TestServer start(Path home, String yaml, RecordingHandlers recording) throws Exception {
        return start(home, yaml, recording, Clock.systemUTC());
    }

    public static TestServer start(Path home, String yaml, RecordingHandlers recording, Clock clock)
            throws Exception {
        return new TestServer(Hookyard.start(load(home, yaml), loader(home), plugins(recording), clock,
                FAST_RETRIES, Tracing.OFF));
    }

    /** As above, tracing with {@code tracing} (closed with the server). */
    public static TestServer start(Path home, String yaml, RecordingHandlers recording, Tracing tracing)
            throws Exception {
        return new TestServer(Hookyard.start(load(home, yaml), loader(home), plugins(recording), Clock.systemUTC(),
                FAST_RETRIES, tracing));
    }

    /** Drives a Hookyard started some other way. */
    public static TestServer wrap(Hookyard hookyard) {
        return new TestServer(hookyard);
    }

    public Hookyard hookyard() {
        return hookyard;
    }

    public DeliveryStore store() {
        return hookyard.store();
    }

    /** A URI on the management API. */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + hookyard.managementPort().orElseThrow() + path);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + hookyard.port() + path);
    }

    public int port() {
        return hookyard.port();
    }

    /** POSTs a delivery's body with its headers (the signature among them) to {@code path}. */
    public HttpResponse<String> post(String path, Delivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().toMap().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        return send(request);
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Connection", "close").timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of stored delivery {@code id} (which must exist). */
    public DeliveryStatus status(long id) {
        try {
            return store().find(id).orElseThrow().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The handler runs of stored delivery {@code id}. */
    public List<RunView> runs(long id) {
        try {
            return store().runs(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The stored delivery with this endpoint and key. Listed through the store's queries, never by scanning ids
     * from 1: ids have gaps (a PostgreSQL insert that meets a duplicate uses one up, a purge deletes some).
     */
    public Optional<StoredDelivery> findByKey(String endpoint, String key) {
        try {
            DeliveryFilter filter = DeliveryFilter.ANY.withLimit(DeliveryFilter.MAX_LIMIT);
            while (true) {
                DeliveryPage page = hookyard.queries().list(filter);
                for (DeliverySummary summary : page.deliveries()) {
                    if (summary.endpoint().equals(endpoint) && summary.deliveryKey().equals(key)) {
                        return store().find(summary.id());
                    }
                }
                if (page.next().isEmpty()) {
                    return Optional.empty();
                }
                filter = filter.withAfter(page.next().get());
            }
        } catch (StoreUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many deliveries the store holds. */
    public long deliveryCount() {
        try {
            return hookyard.queries().count(DeliveryFilter.ANY);
        } catch (StoreUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        hookyard.close();
    }
}
