package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.Eventually;
import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real SQLite file: concurrent appends share transactions, each is answered with its own
 * outcome, dedup stays exact inside a batch, and a failed transaction refuses all its appends but not the next.
 * Batches of known members are made by holding the store's write lock while appends queue up behind it.
 */
class GroupCommitTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SqliteDeliveryStore store;
    private final ExecutorService senders = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        if (store != null) {
            store.close();
        }
    }

    private SqliteDeliveryStore open(CommitPolicy policy) throws StoreUnavailableException {
        store = SqliteDeliveryStore.open(dir.resolve("data"), CLOCK, policy);
        return store;
    }

    private static NewDelivery delivery(String key, int bodyBytes) {
        String body = "{\"key\":\"" + key + "\",\"pad\":\"" + "x".repeat(bodyBytes) + "\"}";
        return new NewDelivery("least", "least", "record.created", key,
                Headers.ofSingle(Map.of("Content-Type", "application/json")), body.getBytes(StandardCharsets.UTF_8),
                T0, List.of("h"));
    }

    private Future<AppendResult> appendAsync(NewDelivery d) {
        return senders.submit(() -> store.append(d));
    }

    /** Starts appends one after the other in order, each handed to the writer before the next starts. */
    private List<Future<AppendResult>> appendInOrder(List<NewDelivery> deliveries) {
        List<Future<AppendResult>> futures = new ArrayList<>();
        for (NewDelivery d : deliveries) {
            long before = store.submittedAppends();
            futures.add(appendAsync(d));
            Eventually.await(() -> store.submittedAppends() == before + 1, () -> "append of " + d.deliveryKey()
                    + " never reached the writer");
        }
        return futures;
    }

    /** With the write lock held: waits until the writer has taken the first append and the rest are queued. */
    private void awaitLinedUp(int appends) {
        Eventually.await(() -> store.queuedAppends() == appends - 1,
                () -> "queued " + store.queuedAppends() + ", expected " + (appends - 1));
    }

    private static AppendResult result(Future<AppendResult> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private long rowCount(String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
                + dir.resolve("data").resolve(SqliteDeliveryStore.FILE_NAME));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void manyThreadsAppendingConcurrentlyEachGetTheirOwnDeliveryBack() throws Exception {
        open(CommitPolicy.GROUP);
        int threads = 32;
        int each = 40;
        List<Future<List<String>>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            // Each thread checks, right after its append returns, that the id holds its own delivery.
            work.add(senders.submit(() -> {
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    String key = "t" + thread + "-" + i;
                    AppendResult r = store.append(delivery(key, 10));
                    if (!(r instanceof AppendResult.Stored)) {
                        problems.add(key + " was " + r);
                    } else if (!store.find(r.id()).orElseThrow().deliveryKey().equals(key)) {
                        problems.add(key + " got id " + r.id() + " of " + store.find(r.id()).orElseThrow());
                    }
                }
                return problems;
            }));
        }
        List<String> problems = new ArrayList<>();
        for (Future<List<String>> f : work) {
            problems.addAll(f.get(60, TimeUnit.SECONDS));
        }

        assertEquals(List.of(), problems);
        assertEquals(threads * each, rowCount("deliveries"));
        assertEquals(threads * each, rowCount("handler_runs"));
        assertEquals(threads * each, store.backlog());
        CommitStats stats = store.commitStats();
        assertEquals(threads * each, stats.appends());
        assertEquals(0, stats.failedBatches());
    }

    @Test
    void appendsQueuedBehindABusyWriterShareOneTransaction() throws Exception {
        open(CommitPolicy.GROUP);
        long batchesBefore = store.commitStats().batches();
        List<Future<AppendResult>> futures = new ArrayList<>();
        try (AutoCloseable held = store.holdWrites()) {
            for (int i = 0; i < 20; i++) {
                futures.add(appendAsync(delivery("k" + i, 10)));
            }
            awaitLinedUp(20);
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            AppendResult r = assertInstanceOf(AppendResult.Stored.class, result(futures.get(i)));
            assertTrue(ids.add(r.id()), "ids are distinct");
        }

        CommitStats stats = store.commitStats();
        assertEquals(batchesBefore + 1, stats.batches(), "twenty appends, one commit");
        assertEquals(20, stats.appends());
    }

    @Test
    void theSameDeliveryTwiceInOneBatchIsStoredOnceAndTheSecondIsItsDuplicate() throws Exception {
        open(CommitPolicy.GROUP);
        List<Future<AppendResult>> futures;
        try (AutoCloseable held = store.holdWrites()) {
            futures = appendInOrder(List.of(delivery("a", 10), delivery("a", 10), delivery("b", 10)));
            awaitLinedUp(3);
        }

        long a = assertInstanceOf(AppendResult.Stored.class, result(futures.get(0))).id();
        assertEquals(new AppendResult.Duplicate(a), result(futures.get(1)));
        long b = assertInstanceOf(AppendResult.Stored.class, result(futures.get(2))).id();
        assertEquals(1, store.commitStats().batches());
        assertEquals(2, rowCount("deliveries"));
        assertEquals(2, store.backlog(), "the duplicate added no handler run");
        assertEquals(List.of("a", "b"), List.of(store.find(a).orElseThrow().deliveryKey(),
                store.find(b).orElseThrow().deliveryKey()));
        assertEquals(new AppendResult.Duplicate(a), store.append(delivery("a", 10)), "and in a later batch");
    }

    @Test
    void aTransactionThatCannotCommitRefusesAllItsAppendsAndTheNextOneCommits() throws Exception {
        open(CommitPolicy.GROUP);
        long kept = assertInstanceOf(AppendResult.Stored.class, store.append(delivery("before", 10))).id();
        List<NewDelivery> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(delivery("big" + i, 16 * 1024)); // each needs new pages
        }
        List<Future<AppendResult>> futures = new ArrayList<>();
        try (AutoCloseable held = store.holdWrites()) {
            store.limitPages(1); // the file cannot grow: SQLITE_FULL, as on a full disk
            batch.forEach(d -> futures.add(appendAsync(d)));
            awaitLinedUp(5);
        }
        for (Future<AppendResult> f : futures) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> result(f));
            StoreUnavailableException cause = assertInstanceOf(StoreUnavailableException.class, e.getCause());
            assertTrue(cause.getMessage().contains("SQLITE_FULL"), cause.getMessage());
        }
        assertEquals(1, store.commitStats().failedBatches());
        assertEquals(1, rowCount("deliveries"), "nothing of the failed transaction is stored");
        assertEquals(1, store.backlog());

        store.limitPages(Integer.MAX_VALUE);
        for (NewDelivery d : batch) {
            long id = assertInstanceOf(AppendResult.Stored.class, store.append(d)).id();
            assertEquals(d.deliveryKey(), store.find(id).orElseThrow().deliveryKey());
        }
        assertEquals("before", store.find(kept).orElseThrow().deliveryKey());
        assertEquals(6, rowCount("deliveries"));
        assertEquals(6, store.backlog());
    }

    @Test
    void theWriterOutlivesABatchThatBreaksUnexpectedly() throws Exception {
        open(CommitPolicy.GROUP);
        // A caller breaking the contract (no receive time) fails inside the writer, mid-transaction.
        NewDelivery broken = new NewDelivery("least", "least", "record.created", "broken", Headers.empty(),
                new byte[] {1}, null, List.of("h"));
        assertThrows(StoreUnavailableException.class, () -> store.append(broken));

        long id = assertInstanceOf(AppendResult.Stored.class, store.append(delivery("after", 10))).id();
        assertEquals("after", store.find(id).orElseThrow().deliveryKey());
        assertEquals(1, rowCount("deliveries"), "nothing of the broken transaction was committed with the next");
        assertEquals(new CommitStats(1, 1, 1), store.commitStats());
    }

    @Test
    void withOneCommitPerAppendEveryAppendIsItsOwnTransaction() throws Exception {
        open(CommitPolicy.ONE_PER_APPEND);
        List<Future<AppendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(appendAsync(delivery("k" + (i % 20), 10)));
        }
        int stored = 0;
        for (Future<AppendResult> f : futures) {
            stored += result(f) instanceof AppendResult.Stored ? 1 : 0;
        }
        assertEquals(20, stored, "each key stored once, its second append a duplicate");
        assertEquals(new CommitStats(40, 40, 0), store.commitStats());
    }

    @Test
    void appendsAreRefusedOnceTheStoreIsClosedAndThoseQueuedBeforeAreCommitted() throws Exception {
        open(CommitPolicy.GROUP);
        List<Future<AppendResult>> futures = new ArrayList<>();
        Thread closer;
        try (AutoCloseable held = store.holdWrites()) {
            for (int i = 0; i < 5; i++) {
                futures.add(appendAsync(delivery("q" + i, 10)));
            }
            awaitLinedUp(5);
            closer = new Thread(store::close);
            closer.start();
            // Closing refuses new appends, then waits for the writer, which waits for the lock held here.
            Thread waiting = closer;
            Eventually.await(() -> waiting.getState() == Thread.State.TIMED_WAITING,
                    () -> "close() is not waiting for the writer: " + waiting.getState());
            StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
                    () -> store.append(delivery("late", 10)));
            assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
        }
        closer.join(30_000);
        for (Future<AppendResult> f : futures) {
            assertInstanceOf(AppendResult.Stored.class, result(f));
        }
        store = SqliteDeliveryStore.open(dir.resolve("data"), CLOCK);
        assertEquals(5, store.backlog(), "the queued appends were committed, and the reopened store counts them");
    }
}
