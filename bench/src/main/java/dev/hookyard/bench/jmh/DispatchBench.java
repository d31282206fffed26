package dev.hookyard.bench.jmh;

import dev.hookyard.server.dispatch.ConfiguredHandlers;
import dev.hookyard.server.dispatch.Dispatcher;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoreBenchAccess;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.least.LeastVendorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Dispatch overhead: the time per delivery for the real {@link Dispatcher} to take {@value #DELIVERIES} committed
 * deliveries from the store (on disk, synchronous=FULL) to a handler that does nothing, and to record each outcome,
 * with the default handler policy (4 concurrent calls). Each measured invocation starts a dispatcher on a store
 * holding that many pending runs (appended before, untimed) and ends when the backlog is zero, i.e. every outcome is
 * committed. Includes per delivery: the due-runs query, parsing the stored body again (LEAST), the call through
 * the bulkhead and time limiter, and the outcome batch. deliveries/s = 1 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DispatchBench {

    static final int DELIVERIES = 5000;

    private Path dir;
    private SqliteDeliveryStore store;
    private EndpointTable endpoints;
    private Dispatcher dispatcher;
    private long next;
    private final AtomicLong handled = new AtomicLong();

    /** Does nothing: what is measured is the dispatcher around it. */
    static final class NoOpHandler implements Handler {
        private final AtomicLong handled;

        NoOpHandler(AtomicLong handled) {
            this.handled = handled;
        }

        @Override
        public Outcome handle(WebhookEvent event) {
            handled.incrementAndGet();
            return Outcome.done();
        }
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path base = Path.of(System.getProperty("hookyard.bench.dir", "bench/target/jmh-data")).toAbsolutePath();
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base, "dispatch-");
        store = SqliteDeliveryStore.open(dir, Clock.systemUTC());
        Vendor least = new LeastVendorFactory().create(VendorContexts.of("least", Keyring.of("bench-secret"),
                Map.of()));
        endpoints = new EndpointTable(List.of(new Endpoint("least", "/hooks/least", "least", least, 1 << 20)));
    }

    @Setup(Level.Invocation)
    public void fill() throws Exception {
        Headers headers = Headers.ofSingle(Map.of("Content-Type", "application/json"));
        // Received one per millisecond, as at ~1000/s: the due-runs query orders by due time, and runs due at the same
        // millisecond are sorted in a temporary B-tree, so identical times would make every read sort them all.
        Instant received = Instant.now().minusSeconds(DELIVERIES / 1000 + 1);
        List<NewDelivery> batch = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            long n = next++;
            batch.add(new NewDelivery("least", "least", "record.created", "key-" + n, headers,
                    StoreAppendBench.body((int) n), received.plusMillis(i), List.of("noop")));
            if (batch.size() == 256 || i == DELIVERIES - 1) {
                StoreBenchAccess.appendBatch(store, batch);
                batch.clear();
            }
        }
        if (store.backlog() != DELIVERIES) {
            throw new IllegalStateException("backlog " + store.backlog() + " before dispatching");
        }
        dispatcher = new Dispatcher(store, endpoints, new ConfiguredHandlers(Map.of("noop",
                new NoOpHandler(handled))), RetrySchedule.DEFAULT, Clock.systemUTC());
    }

    @Benchmark
    @OperationsPerInvocation(DELIVERIES)
    public long dispatchAll() throws InterruptedException {
        dispatcher.start();
        while (store.backlog() > 0) {
            Thread.sleep(0, 200_000);
        }
        return handled.get();
    }

    @TearDown(Level.Invocation)
    public void stop() {
        dispatcher.close();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
