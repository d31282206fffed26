package dev.hookyard.bench.jmh;

import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoreBenchAccess;
import dev.hookyard.spi.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One transaction of {@code batch} appends into the real {@link SqliteDeliveryStore} on disk (WAL), as the
 * group-commit writer writes it: ~700-byte LEAST-like bodies with the headers a LEAST delivery has, each routed to
 * one handler (a delivery row and a handler-run row). {@code synchronous=FULL} is the store's setting (one fsync
 * per transaction); {@code OFF} skips the fsync, which leaves the CPU cost of the writes (and of SQLite's WAL
 * checkpoints, minus their fsyncs). The score is the time of one transaction; deliveries/s = batch / score.
 *
 * <p>The store lives under {@code hookyard.bench.dir} (default {@code bench/target/jmh-data}), a fresh one per fork,
 * growing over the fork's iterations as a real store does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreAppendBench {

    @Param({"1", "16", "64", "256"})
    public int batch;

    @Param({"FULL", "OFF"})
    public String synchronous;

    private Path dir;
    private SqliteDeliveryStore store;
    private Headers headers;
    private byte[][] bodies;
    private long next;
    private final Instant received = Instant.parse("2025-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void open(BenchmarkParams params) throws Exception {
        Path base = Path.of(System.getProperty("hookyard.bench.dir", "bench/target/jmh-data")).toAbsolutePath();
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base, "store-" + batch + "-" + synchronous + "-");
        store = SqliteDeliveryStore.open(dir, Clock.systemUTC());
        StoreBenchAccess.synchronous(store, synchronous);
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Host", List.of("127.0.0.1:8080"));
        h.put("Content-Type", List.of("application/json"));
        h.put("Content-Length", List.of("703"));
        h.put("X-LEAST-Signature", List.of("sha256=" + "ab".repeat(32)));
        headers = Headers.of(h);
        bodies = new byte[64][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = body(i);
        }
    }

    /** A LEAST record.created body of about 700 bytes (the bench payloads' size). */
    static byte[] body(int i) {
        StringBuilder b = new StringBuilder("{\"event\":\"record.created\",\"record_id\":").append(100000 + i)
                .append(",\"data\":{\"title\":\"Equipment request\",\"requester\":\"Zoë Müller\",\"notes\":\"");
        while (b.length() < 680) {
            b.append("please review the attached form for the laptop badge access training module ");
        }
        b.setLength(680);
        return b.append("\",\"n\":").append(i).append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public List<AppendResult> appendBatch() throws Exception {
        List<NewDelivery> deliveries = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long n = next++;
            deliveries.add(new NewDelivery("least", "least", "record.created", "key-" + n, headers,
                    bodies[(int) (n % bodies.length)], received, List.of("archive")));
        }
        return StoreBenchAccess.appendBatch(store, deliveries);
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
