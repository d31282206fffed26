package dev.hookyard.server.store;

import dev.hookyard.spi.CredentialHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a committed delivery survives
 * a power cut, not just a process crash.
 *
 * <p>SQLite allows one writer at a time, so writes go through one connection under a lock; reads use a second
 * connection, which WAL lets run beside the writer. Appends are group-committed (see {@link GroupCommit}):
 * concurrent deliveries share one transaction and one fsync, and each is acknowledged only once it is durable.
 *
 * <p>The number of pending handler runs (the backlog) is kept in memory by a {@link BacklogCounter}, and whether the
 * writer can commit by a {@link CommitHealth}: both are changed only by the writer, under the write lock.
 */
public final class SqliteDeliveryStore implements DeliveryStore {

    /** File name inside the store directory. */
    public static final String FILE_NAME = "hookyard.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDeliveryStore.class);
    /**
     * How often committed pages are copied from the write-ahead log into the database: often, so that each copy and
     * its flush of the database file are small (flushed while commits flush the log, large ones showed in p99).
     */
    private static final long CHECKPOINT_PERIOD_MILLIS = 50;
    /** Log pages (4 KiB each) beyond which a checkpoint waits for the writer so that the log can start over. */
    private static final long WAL_RESTART_PAGES = 16_384;

    private static final String DELIVERY_COLUMNS =
            "d.id, d.endpoint, d.vendor, d.event_type, d.delivery_key, d.headers, d.body, d.received_at, d.status";

    private final Path file;
    private final Clock clock;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    /** Pending handler runs; changed only under {@link #writeLock}, after the commit that changed them. */
    private final BacklogCounter backlog;
    private final CommitHealth health;
    private final GroupCommit commits;
    private final WalCheckpointer checkpointer;
    /** The writer's statements, prepared once and reused (SQLite compiles a statement once, then only binds). */
    private final WriterStatements statements;
    /** Headers as written and read: credentials masked by the configured rule. */
    private final StoredHeaders storedHeaders;
    /**
     * Whether the writer connection runs with {@code synchronous=NORMAL} (outcome recording, see
     * {@link #recordAll}) rather than {@code FULL}; guarded by {@link #writeLock}, and never true while a delivery
     * is written.
     */
    private boolean relaxed;
    private volatile RunReservations reservations = RunReservations.NONE;

    private SqliteDeliveryStore(Path file, Clock clock, Connection writer, Connection reader, BacklogCounter backlog,
                                CommitPolicy policy, CommitObserver observer, Connection checkpoints,
                                long checkpointMillis, long restartPages, CredentialHeaders credentials) {
        this.checkpointer = new WalCheckpointer(file.toString(), checkpoints, checkpointMillis, restartPages,
                writeLock);
        this.file = file;
        this.clock = clock;
        this.writer = writer;
        this.reader = reader;
        this.backlog = backlog;
        this.statements = new WriterStatements(writer);
        this.storedHeaders = new StoredHeaders(credentials);
        this.health = new CommitHealth(file.toString(), clock);
        this.commits = new GroupCommit(file.toString(), writeLock, new GroupCommit.BatchWriter() {
            @Override
            public List<AppendResult> write(List<PendingAppend> batch) throws SQLException {
                return writeBatch(batch);
            }

            @Override
            public void probe() throws SQLException {
                writeProbe();
            }
        }, policy, observer, health);
    }

    /** Opens (creating if needed) the store in {@code directory}, with group commit. */
    public static SqliteDeliveryStore open(Path directory, Clock clock) throws StoreUnavailableException {
        return open(directory, clock, CommitPolicy.GROUP);
    }

    /**
     * Opens (creating if needed) the store in {@code directory}, committing appends as {@code policy} says, with the
     * built-in credential header rule.
     */
    public static SqliteDeliveryStore open(Path directory, Clock clock, CommitPolicy policy)
            throws StoreUnavailableException {
        return open(directory, clock, policy, CommitObserver.NONE, CredentialHeaders.DEFAULT);
    }

    /**
     * As above, telling {@code observer} about each transaction of appends (metrics), and keeping headers masked by
     * {@code credentials}: stored rows it masks that an earlier rule left in clear are rewritten as the store opens.
     */
    public static SqliteDeliveryStore open(Path directory, Clock clock, CommitPolicy policy, CommitObserver observer,
                                           CredentialHeaders credentials) throws StoreUnavailableException {
        return open(directory, clock, policy, observer, CHECKPOINT_PERIOD_MILLIS, WAL_RESTART_PAGES, credentials);
    }

    /** As above, checkpointing every {@code checkpointMillis} and restarting the log beyond {@code restartPages}. */
    static SqliteDeliveryStore open(Path directory, Clock clock, CommitPolicy policy, CommitObserver observer,
                                    long checkpointMillis, long restartPages, CredentialHeaders credentials)
            throws StoreUnavailableException {
        Path file = directory.resolve(FILE_NAME);
        Connection writer = null;
        Connection reader = null;
        Connection checkpoints = null;
        try {
            Files.createDirectories(directory);
            writer = connect(file);
            StoreSchema.migrate(writer);
            StoredHeaderMasking.apply(writer, file.toString(), credentials);
            BacklogCounter backlog = new BacklogCounter(writer);
            reader = connect(file);
            // Checkpoints run on their own thread and connection (WalCheckpointer), never inside a commit.
            checkpoints = connect(file);
            for (Connection c : List.of(writer, reader, checkpoints)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_autocheckpoint=0");
                    // Once the log starts over, it is cut back to this size rather than left as large as it grew.
                    s.execute("PRAGMA journal_size_limit=" + restartPages * 4096L);
                }
            }
            LOG.info("Store open at {} ({} pending handler runs)", file, backlog.get());
            return new SqliteDeliveryStore(file, clock, writer, reader, backlog, policy, observer,
                    checkpoints, checkpointMillis, restartPages, credentials);
        } catch (IOException | SQLException e) {
            closeQuietly(checkpoints);
            closeQuietly(reader);
            closeQuietly(writer);
            throw new StoreUnavailableException("cannot open the store at " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    @Override
    public void reserveRunsWith(RunReservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public AppendResult append(NewDelivery d) throws StoreUnavailableException {
        // Encoded here, on the request's thread, so that the writer only writes.
        return commits.append(new PendingAppend(d, storedHeaders.encode(d.headers())));
    }

    @Override
    public CompletableFuture<AppendResult> appendAsync(NewDelivery d) {
        return commits.appendAsync(new PendingAppend(d, storedHeaders.encode(d.headers())));
    }

    /**
     * Writes a batch of appends in one transaction and commits it; called by {@link GroupCommit} with the write
     * lock held. Dedup is exact inside a batch too: a later append of the same endpoint and key sees the earlier
     * one's row (same connection, same transaction) and is a duplicate of it.
     */
    private List<AppendResult> writeBatch(List<PendingAppend> batch) throws SQLException {
        List<AppendResult> results = new ArrayList<>(batch.size());
        long addedRuns = 0;
        RunReservations reserving = reservations;
        synchronousFull();
        begin();
        try {
            backlog.catchUp(writer, statements.dataVersion());
            PreparedStatement insert = statements.insertDelivery();
            PreparedStatement runs = statements.insertRun();
            for (PendingAppend pending : batch) {
                NewDelivery d = pending.delivery;
                insert.setString(1, d.endpoint());
                insert.setString(2, d.vendor());
                insert.setString(3, d.eventType());
                insert.setString(4, d.deliveryKey());
                insert.setString(5, pending.headers);
                insert.setBytes(6, d.body());
                insert.setLong(7, d.receivedAt().toEpochMilli());
                DeliveryStatus status = d.handlers().isEmpty() ? DeliveryStatus.UNROUTED : DeliveryStatus.PENDING;
                insert.setString(8, status.code());
                long id;
                try (ResultSet inserted = insert.executeQuery()) {
                    id = inserted.next() ? inserted.getLong(1) : -1;
                }
                if (id < 0) {
                    results.add(new AppendResult.Duplicate(existingId(d.endpoint(), d.deliveryKey())));
                    continue;
                }
                if (!d.handlers().isEmpty()) {
                    long now = d.receivedAt().toEpochMilli();
                    for (String handler : d.handlers()) {
                        runs.setLong(1, id);
                        runs.setString(2, handler);
                        runs.setLong(3, now);
                        runs.setLong(4, now);
                        runs.executeUpdate();
                    }
                    addedRuns += d.handlers().size();
                    reserving.reserve(id, d.handlers());
                }
                results.add(new AppendResult.Stored(id));
            }
            execute("COMMIT");
        } catch (SQLException | RuntimeException | Error e) {
            abortQuietly(e);
            statements.close();
            for (int i = 0; i < results.size(); i++) {
                NewDelivery d = batch.get(i).delivery;
                if (results.get(i) instanceof AppendResult.Stored stored && !d.handlers().isEmpty()) {
                    reserving.release(stored.id(), d.handlers());
                }
            }
            throw e;
        }
        backlog.add(addedRuns);
        return results;
    }

    /**
     * The writer's recovery probe (see {@link GroupCommit}): a table created, given a value of 64 KiB (more than most
     * deliveries take) and dropped again, in one transaction committed with {@code synchronous=FULL} like an append.
     * The space it needed stays in the file for the next appends; nothing else is left.
     */
    private void writeProbe() throws SQLException {
        synchronousFull();
        begin();
        try {
            execute("CREATE TABLE writer_probe (filler BLOB)");
            execute("INSERT INTO writer_probe VALUES (zeroblob(65536))");
            execute("DROP TABLE writer_probe");
            execute("COMMIT");
        } catch (SQLException | RuntimeException | Error e) {
            abortQuietly(e);
            statements.close();
            throw e;
        }
    }

    /**
     * Makes sure the writer runs with {@code synchronous=FULL} before a delivery is written: if an outcome batch
     * could not set it back, this tries again, and the append fails (503) rather than commit without an fsync.
     */
    private void synchronousFull() throws SQLException {
        if (relaxed) {
            execute("PRAGMA synchronous=FULL");
            relaxed = false;
        }
    }

    /**
     * The benchmark hook for {@code synchronous=OFF} (no fsync at all), to tell the cost of the fsync from the CPU
     * cost of a write: {@code bench/} only, never the server. {@code FULL} restores the default.
     */
    void synchronousForBenchmark(String mode) throws SQLException {
        writeLock.lock();
        try {
            execute("PRAGMA synchronous=" + mode);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes these deliveries in one transaction on the calling thread, as the group-commit writer writes one batch
     * (a benchmark hook: {@code bench/} measures a transaction of a given size with it).
     */
    List<AppendResult> appendBatchForBenchmark(List<NewDelivery> deliveries) throws SQLException {
        List<PendingAppend> batch = new ArrayList<>(deliveries.size());
        for (NewDelivery d : deliveries) {
            batch.add(new PendingAppend(d, storedHeaders.encode(d.headers())));
        }
        writeLock.lock();
        try {
            return writeBatch(batch);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Begins a write transaction by SQL, not by the driver's auto-commit switch: after a failed COMMIT (or an error
     * SQLite answers by rolling back by itself) the driver's idea of the transaction can differ from SQLite's, and
     * a write must never run outside a transaction of its own. IMMEDIATE takes SQLite's write lock at once.
     */
    private void begin() throws SQLException {
        if (!writer.getAutoCommit()) {
            writer.setAutoCommit(true);
        }
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("within a transaction")) {
                throw e;
            }
            // A write that failed in a way nobody caught left its transaction open: nothing in it was acknowledged,
            // so it is rolled back rather than committed with the next write.
            LOG.warn("Store {}: rolling back a transaction left open by a failed write", file);
            execute("ROLLBACK");
            execute("BEGIN IMMEDIATE");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rolls back whatever transaction is open on the writer, if any (SQLite may already have rolled it back). */
    private void abortQuietly(Throwable cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                LOG.warn("Rollback after '{}' failed in {}: {}", cause.getMessage(), file, e.getMessage());
            }
        }
    }

    private long existingId(String endpoint, String key) throws SQLException {
        PreparedStatement q = statements.existingId();
        q.setString(1, endpoint);
        q.setString(2, key);
        try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("conflicting delivery vanished");
            }
            return rs.getLong(1);
        }
    }

    @Override
    public List<DueRun> due(Instant now, int limit) throws StoreUnavailableException {
        return dueRuns(now, null, limit);
    }

    @Override
    public List<DueRun> due(Instant now, String handler, int limit) throws StoreUnavailableException {
        return dueRuns(now, handler, limit);
    }

    private List<DueRun> dueRuns(Instant now, String handler, int limit) throws StoreUnavailableException {
        readLock.lock();
        try (PreparedStatement q = reader.prepareStatement("SELECT r.handler, r.attempts, " + DELIVERY_COLUMNS
                + " FROM handler_runs r JOIN deliveries d ON d.id = r.delivery_id"
                + " WHERE r.status = 'pending' AND r.next_due <= ?" + (handler == null ? "" : " AND r.handler = ?")
                + " ORDER BY r.next_due, r.delivery_id LIMIT ?")) {
            int index = 1;
            q.setLong(index++, now.toEpochMilli());
            if (handler != null) {
                q.setString(index++, handler);
            }
            q.setInt(index, limit);
            List<DueRun> result = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.add(new DueRun(delivery(rs, 3), rs.getString(1), rs.getInt(2)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw unavailable("read due runs", e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Reads the due runs' keys first (from the runs table alone) and loads the deliveries of only those not
     * skipped: the runs in flight are the oldest due ones, read again on every poll, and loading their deliveries
     * (body and headers) only to skip them cost more than everything else the dispatcher does.
     */
    @Override
    public List<DueRun> due(Instant now, String handler, int limit, int readPast, Predicate<String> skip)
            throws StoreUnavailableException {
        readLock.lock();
        try {
            List<Long> ids = new ArrayList<>(limit);
            List<Integer> attempts = new ArrayList<>(limit);
            try (PreparedStatement q = reader.prepareStatement("SELECT r.delivery_id, r.attempts"
                    + " FROM handler_runs r WHERE r.status = 'pending' AND r.next_due <= ? AND r.handler = ?"
                    + " ORDER BY r.next_due, r.delivery_id LIMIT ?")) {
                q.setLong(1, now.toEpochMilli());
                q.setString(2, handler);
                q.setInt(3, limit + readPast);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next() && ids.size() < limit) {
                        long id = rs.getLong(1);
                        if (!skip.test(DueRun.key(id, handler))) {
                            ids.add(id);
                            attempts.add(rs.getInt(2));
                        }
                    }
                }
            }
            List<DueRun> result = new ArrayList<>(ids.size());
            if (ids.isEmpty()) {
                return result;
            }
            try (PreparedStatement q = reader.prepareStatement(
                    "SELECT " + DELIVERY_COLUMNS + " FROM deliveries d WHERE d.id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    q.setLong(1, ids.get(i));
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) { // gone only if purged meanwhile; then there is nothing to run
                            result.add(new DueRun(delivery(rs, 1), handler, attempts.get(i)));
                        }
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw unavailable("read due runs", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public Optional<Instant> nextDue() throws StoreUnavailableException {
        readLock.lock();
        try (Statement s = reader.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(next_due) FROM handler_runs WHERE status = 'pending'")) {
            if (rs.next()) {
                long value = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw unavailable("read next due time", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void record(long deliveryId, String handler, RunResult result) throws StoreUnavailableException {
        recordAll(List.of(new RunOutcome(deliveryId, handler, result)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Committed with {@code synchronous=NORMAL}: the transaction is atomic and survives a crash of the process,
     * but its WAL frames reach the disk with the next {@code FULL} commit (the next append's fsync covers the whole
     * WAL file) or checkpoint, not by an fsync of its own. Outcome batches therefore never hold the write lock
     * through an fsync, which would stall the appends queued behind them; an outcome lost to a power cut only means
     * its handler runs again (delivery to handlers is at-least-once), while every accepted delivery stays as durable
     * as before.
     */
    @Override
    public void recordAll(List<RunOutcome> outcomes) throws StoreUnavailableException {
        if (outcomes.isEmpty()) {
            return;
        }
        long now = clock.millis();
        writeLock.lock();
        try {
            if (!relaxed) {
                execute("PRAGMA synchronous=NORMAL");
                relaxed = true;
            }
            begin();
            try {
                backlog.catchUp(writer, statements.dataVersion());
                long backlogChange = 0;
                PreparedStatement status = statements.updateDeliveryStatus();
                for (RunOutcome outcome : outcomes) {
                    RunResult result = outcome.result();
                    // Nearly always the run is pending: one conditional update tells that and records the attempt.
                    boolean wasPending = update(statements.updatePendingRun(), outcome, now);
                    boolean exists = wasPending || update(statements.updateRun(), outcome, now);
                    status.setLong(1, outcome.deliveryId());
                    status.executeUpdate();
                    boolean isPending = result instanceof RunResult.RetryAt;
                    if (exists && wasPending != isPending) {
                        backlogChange += isPending ? 1 : -1;
                    }
                }
                execute("COMMIT");
                backlog.add(backlogChange);
            } catch (SQLException | RuntimeException | Error e) {
                abortQuietly(e);
                statements.close();
                throw e;
            }
        } catch (SQLException e) {
            health.failed(e);
            throw unavailable("record handler outcomes", e);
        } catch (RuntimeException | Error e) {
            health.failed(e);
            throw e;
        } finally {
            restoreFullQuietly();
            writeLock.unlock();
        }
    }

    /**
     * Back to {@code synchronous=FULL} after an outcome batch, so that every other write (and the next append)
     * commits with an fsync; should that fail, {@link #synchronousFull()} tries again before the next append.
     */
    private void restoreFullQuietly() {
        if (!relaxed) {
            return;
        }
        try {
            execute("PRAGMA synchronous=FULL");
            relaxed = false;
        } catch (SQLException e) {
            LOG.warn("Store {}: could not set synchronous=FULL again after recording outcomes ({}); the next append"
                    + " tries again", file, e.getMessage());
        }
    }

    /** Records one outcome with {@code update} (either run update); whether a row changed. */
    private static boolean update(PreparedStatement update, RunOutcome outcome, long now) throws SQLException {
        RunResult result = outcome.result();
        if (result instanceof RunResult.RetryAt retry) {
            set(update, RunStatus.PENDING, retry.nextDue().toEpochMilli(), retry.error());
        } else if (result instanceof RunResult.Dead dead) {
            set(update, RunStatus.DEAD, now, dead.error());
        } else if (result instanceof RunResult.Dropped dropped) {
            set(update, RunStatus.DROPPED, now, dropped.reason());
        } else {
            set(update, RunStatus.DONE, now, null);
        }
        update.setLong(4, now);
        update.setLong(5, outcome.deliveryId());
        update.setString(6, outcome.handler());
        return update.executeUpdate() > 0;
    }

    @Override
    public long backlog() {
        return backlog.get();
    }

    @Override
    public long recountBacklog() throws StoreUnavailableException {
        // Never waits for the writer: a request thread asks, and a busy writer catches up by itself (BacklogCounter).
        if (!writeLock.tryLock()) {
            return backlog.get();
        }
        try {
            long was = backlog.get();
            long counted = backlog.recount(writer);
            if (was != counted) {
                LOG.debug("Store {}: the backlog counter said {} pending handler runs, the store holds {}", file,
                        was, counted);
            }
            return counted;
        } catch (SQLException e) {
            throw unavailable("count pending handler runs", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public CommitHealth commitHealth() {
        return health;
    }

    /** What the writer has committed since the store opened. */
    public CommitStats commitStats() {
        return commits.stats();
    }

    /** Appends waiting for the writer (tests line up a batch with it). */
    int queuedAppends() {
        return commits.queued();
    }

    /** Appends handed to the writer since the store opened. */
    long submittedAppends() {
        return commits.submitted();
    }

    /**
     * Holds the write lock until the returned handle is closed, on the calling thread: appends queue up meanwhile
     * and are written as one batch afterwards (tests use it to make a batch of known members).
     */
    AutoCloseable holdWrites() {
        writeLock.lock();
        return writeLock::unlock;
    }

    /**
     * Caps the file at {@code pages} pages on the writer connection ({@code PRAGMA max_page_count}): writes that
     * would grow it fail with SQLITE_FULL, as on a full disk. Returns the cap SQLite set (never below the current
     * size). A test hook for simulating a full disk.
     */
    long limitPages(long pages) throws SQLException {
        writeLock.lock();
        try (Statement s = writer.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA max_page_count = " + pages)) {
            rs.next();
            return rs.getLong(1);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Makes SQLite refuse every write on the writer connection ({@code PRAGMA query_only}), as it does for a database
     * file it may not write; {@code false} allows them again. A test hook for a store that cannot commit even an
     * update in place (a full disk may still take those).
     */
    void refuseWrites(boolean refuse) throws SQLException {
        writeLock.lock();
        try {
            execute("PRAGMA query_only=" + (refuse ? "ON" : "OFF"));
        } finally {
            writeLock.unlock();
        }
    }

    private static void set(PreparedStatement update, RunStatus status, long nextDue, String error)
            throws SQLException {
        update.setString(1, status.code());
        update.setLong(2, nextDue);
        update.setString(3, error == null ? null : truncate(error));
    }

    private static String truncate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 2000) + "...";
    }

    @Override
    public Optional<StoredDelivery> find(long id) throws StoreUnavailableException {
        readLock.lock();
        try (PreparedStatement q = reader.prepareStatement(
                "SELECT " + DELIVERY_COLUMNS + " FROM deliveries d WHERE d.id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read a delivery", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public List<RunView> runs(long deliveryId) throws StoreUnavailableException {
        readLock.lock();
        try (PreparedStatement q = reader.prepareStatement(
                "SELECT handler, status, attempts, last_error FROM handler_runs WHERE delivery_id = ? ORDER BY handler")) {
            q.setLong(1, deliveryId);
            List<RunView> runs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    runs.add(new RunView(rs.getString(1), RunStatus.fromCode(rs.getString(2)), rs.getInt(3),
                            rs.getString(4)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw unavailable("read handler runs", e);
        } finally {
            readLock.unlock();
        }
    }

    private StoredDelivery delivery(ResultSet rs, int first) throws SQLException {
        return new StoredDelivery(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), storedHeaders.decode(rs.getString(first + 5)),
                rs.getBytes(first + 6), Instant.ofEpochMilli(rs.getLong(first + 7)),
                DeliveryStatus.fromCode(rs.getString(first + 8)));
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed in {}: {}", file, e.getMessage());
        }
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException("store " + file + " could not " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        // The writer first: it needs the write lock to commit what is still queued.
        commits.close();
        checkpointer.close();
        writeLock.lock();
        readLock.lock();
        try {
            statements.close();
            closeQuietly(reader);
            closeQuietly(writer);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the store failed: {}", e.getMessage());
        }
    }
}
