package dev.hookyard.bench;

import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.CommitStats;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.spi.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Accepted deliveries per second into the real {@link SqliteDeliveryStore} (WAL, synchronous=FULL, on disk) with
 * 1, 16 and 64 concurrent senders, group commit against one commit per append. Each round opens a fresh store;
 * rounds of the two modes alternate, so drift of the machine hits both alike. Prints medians over the rounds.
 *
 * <p>Arguments: {@code --dir DIR} (default bench/target/data), {@code --seconds N} measured per round (default 5),
 * {@code --warmup N} seconds before measuring (default 1), {@code --rounds N} (default 5), {@code --senders 1,16,64}.
 */
public final class GroupCommitBench {

    private static final Instant RECEIVED = Instant.parse("2025-01-01T00:00:00Z");

    private record Round(double perSecond, double averageBatch, long p50Micros, long p99Micros) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path dir = Path.of(options.getOrDefault("dir", "bench/target/data")).toAbsolutePath();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int[] senders = Arrays.stream(options.getOrDefault("senders", "1,16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Map<String, CommitPolicy> modes = new LinkedHashMap<>();
        modes.put("group commit", CommitPolicy.GROUP);
        modes.put("one commit per append", CommitPolicy.ONE_PER_APPEND);

        System.out.printf("store under %s; %d s measured after %d s warm-up, %d rounds per cell%n", dir, seconds,
                warmup, rounds);
        Map<String, List<Round>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int n : senders) {
                for (Map.Entry<String, CommitPolicy> mode : modes.entrySet()) {
                    Path roundDir = dir.resolve("r" + round + "-" + n + "-" + (mode.getValue().group() ? "g" : "s"));
                    Round r = run(roundDir, mode.getValue(), n, warmup, seconds);
                    delete(roundDir);
                    results.computeIfAbsent(mode.getKey() + "|" + n, k -> new ArrayList<>()).add(r);
                    System.out.printf("round %d  %-22s %3d senders: %9.0f/s  batch %6.1f  p50 %6d us  p99 %7d us%n",
                            round, mode.getKey(), n, r.perSecond(), r.averageBatch(), r.p50Micros(), r.p99Micros());
                }
            }
        }

        System.out.println();
        System.out.println("| senders | mode | accepted/s (median) | min .. max | appends per commit | p50 latency"
                + " | p99 latency |");
        System.out.println("|--------:|------|--------------------:|-----------|-------------------:|------------:"
                + "|------------:|");
        for (int n : senders) {
            for (String mode : modes.keySet()) {
                List<Round> rs = results.get(mode + "|" + n);
                double[] rates = rs.stream().mapToDouble(Round::perSecond).sorted().toArray();
                System.out.printf("| %d | %s | %.0f | %.0f .. %.0f | %.1f | %.1f ms | %.1f ms |%n", n, mode,
                        median(rates), rates[0], rates[rates.length - 1],
                        median(rs.stream().mapToDouble(Round::averageBatch).toArray()),
                        median(rs.stream().mapToDouble(Round::p50Micros).toArray()) / 1000.0,
                        median(rs.stream().mapToDouble(Round::p99Micros).toArray()) / 1000.0);
            }
        }
    }

    private static Round run(Path dir, CommitPolicy policy, int senders, int warmupSeconds, int seconds)
            throws Exception {
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(dir, Clock.systemUTC(), policy)) {
            AtomicLong keys = new AtomicLong();
            long start = System.nanoTime();
            long measureFrom = start + warmupSeconds * 1_000_000_000L;
            long measureTo = measureFrom + seconds * 1_000_000_000L;
            long[][] latencies = new long[senders][];
            long[] counts = new long[senders];
            CommitStats[] statsAt = new CommitStats[2];
            CountDownLatch done = new CountDownLatch(senders);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                int index = t;
                Thread thread = new Thread(() -> {
                    long[] lat = new long[1 << 16];
                    int count = 0;
                    try {
                        while (true) {
                            long before = System.nanoTime();
                            if (before >= measureTo) {
                                break;
                            }
                            AppendResult r = store.append(delivery(keys.incrementAndGet()));
                            long after = System.nanoTime();
                            if (!(r instanceof AppendResult.Stored)) {
                                throw new IllegalStateException("not stored: " + r);
                            }
                            if (before >= measureFrom && after <= measureTo) {
                                if (count == lat.length) {
                                    lat = Arrays.copyOf(lat, lat.length * 2);
                                }
                                lat[count++] = after - before;
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        latencies[index] = Arrays.copyOf(lat, count);
                        counts[index] = count;
                        done.countDown();
                    }
                }, "sender-" + t);
                threads.add(thread);
                thread.start();
            }
            waitUntil(measureFrom);
            statsAt[0] = store.commitStats();
            waitUntil(measureTo);
            statsAt[1] = store.commitStats();
            done.await();
            long completed = Arrays.stream(counts).sum();
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            long batches = statsAt[1].batches() - statsAt[0].batches();
            long appends = statsAt[1].appends() - statsAt[0].appends();
            return new Round(completed / (double) seconds, batches == 0 ? 0 : (double) appends / batches,
                    percentile(all, 0.50) / 1000, percentile(all, 0.99) / 1000);
        }
    }

    /** A LEAST-like delivery of about 1 KiB with typical headers, routed to one handler. */
    private static NewDelivery delivery(long n) {
        String body = "{\"event\":\"record.created\",\"record_id\":" + n + ",\"data\":{\"strD5_1_1\":\""
                + "x".repeat(900) + "\"}}";
        Headers headers = Headers.ofSingle(Map.of("Content-Type", "application/json",
                "User-Agent", "LEAST-Webhooks/1.0", "X-LEAST-Signature", "sha256=" + "0".repeat(64)));
        return new NewDelivery("least", "least", "record.created", "key-" + n, headers,
                body.getBytes(StandardCharsets.UTF_8), RECEIVED, List.of("archive"));
    }

    private static void waitUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
