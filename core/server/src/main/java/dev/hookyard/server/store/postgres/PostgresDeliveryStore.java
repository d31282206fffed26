package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.CommitHealth;
import dev.hookyard.server.store.StoredHeaders;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.server.store.AppendResult;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.CommitStats;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.GroupCommit;
import dev.hookyard.server.store.NewDelivery;
import dev.hookyard.server.store.PendingAppend;
import dev.hookyard.server.store.RunReservations;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.RunsDueListener;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store that several nodes share: a PostgreSQL schema. Appends are group-committed (one transaction for the
 * deliveries that arrive together, {@link AppendWriter}), deduplicated by a unique constraint, and answered only
 * after their commit; handler runs are shared between the nodes by claims with leases ({@link HeldClaims},
 * {@link DueRunClaims}), and outcomes are recorded only under the claim they were run by ({@link OutcomeWriter}).
 *
 * <p>With the database unreachable, every call fails with {@link StoreUnavailableException} (the intake answers 503
 * with Retry-After), and the store recovers by itself once it is back: the pool connects again.
 */
public final class PostgresDeliveryStore implements DeliveryStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDeliveryStore.class);

    private final PostgresDatabase database;
    private final Clock clock;
    private final HeldClaims claims;
    private final SharedBacklog backlog;
    private final GroupCommit commits;
    private final DueRunClaims dueRuns;
    private final OutcomeWriter outcomes;
    private final StoreReads reads;
    private final StoredHeaders storedHeaders;
    private final CommitHealth health;
    private volatile RunReservations reservations = RunReservations.NONE;
    private WakeUps wakeUps;
    private boolean closed;

    private PostgresDeliveryStore(PostgresDatabase database, Clock clock, HeldClaims claims, long pending,
                                  CommitPolicy policy, CommitObserver observer, StoredHeaders storedHeaders) {
        this.database = database;
        this.clock = clock;
        this.claims = claims;
        // GroupCommit's lock serialises its own batches only: the database takes care of everyone else.
        this.health = new CommitHealth(database.settings().location(), clock);
        this.storedHeaders = storedHeaders;
        this.dueRuns = new DueRunClaims(database, claims, storedHeaders);
        this.outcomes = new OutcomeWriter(database, claims);
        this.reads = new StoreReads(database, claims, storedHeaders);
        this.backlog = new SharedBacklog(reads::countPending, pending);
        this.commits = new GroupCommit(database.settings().location(), new ReentrantLock(),
                new AppendWriter(database, claims, backlog, () -> reservations), policy, observer, health);
    }

    /** Connects, migrates and opens the store, with the default credential rule and no metrics. */
    public static PostgresDeliveryStore open(PostgresSettings settings, Clock clock, CommitPolicy policy,
                                             CommitObserver observer) throws StoreUnavailableException {
        return open(settings, clock, policy, observer, null, CredentialHeaders.DEFAULT);
    }

    /**
     * Connects, migrates and opens the store; the store owns (and closes) the connections. Headers are stored and
     * shown masked by {@code credentials}. It reports to {@code registry} (if given) the pool's figures
     * ({@code hikaricp_connections_*}) and the handler runs this node holds claims on ({@code hookyard_claims}).
     */
    public static PostgresDeliveryStore open(PostgresSettings settings, Clock clock, CommitPolicy policy,
                                             CommitObserver observer, MeterRegistry registry,
                                             CredentialHeaders credentials) throws StoreUnavailableException {
        PostgresDatabase database = PostgresDatabase.open(settings, true, registry);
        HeldClaims claims = new HeldClaims(database, nodeName(), settings.leaseTime());
        try {
            StoredHeaders storedHeaders = new StoredHeaders(credentials);
            long pending = new StoreReads(database, claims, storedHeaders).countPending();
            LOG.info("Store open: {} ({} pending handler runs; this node claims as {})", settings.location(),
                    pending, claims.node());
            PostgresDeliveryStore store = new PostgresDeliveryStore(database, clock, claims, pending, policy,
                    observer, storedHeaders);
            if (registry != null) {
                Gauge.builder("hookyard.claims", claims, HeldClaims::count)
                        .description("Handler runs this node holds claims on (waiting, running or being recorded)")
                        .register(registry);
            }
            return store;
        } catch (SQLException | RuntimeException e) {
            claims.stopRenewing();
            database.close();
            throw new StoreUnavailableException("cannot open " + settings.location() + ": " + e.getMessage(), e);
        }
    }

    /** A name unique to this process, that an operator can trace to its machine: host, process id, random part. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The operator's queries over this store's connections (closing them leaves the store open). */
    public DeliveryQueries queries() {
        return new PostgresDeliveryQueries(database, false, storedHeaders);
    }

    @Override
    public void reserveRunsWith(RunReservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public synchronized void listenForDueRuns(RunsDueListener listener) {
        if (wakeUps != null) {
            wakeUps.close();
        }
        wakeUps = WakeUps.listen(database, listener);
    }

    @Override
    public AppendResult append(NewDelivery delivery) throws StoreUnavailableException {
        return commits.append(new PendingAppend(delivery, storedHeaders.encode(delivery.headers())));
    }

    @Override
    public CompletableFuture<AppendResult> appendAsync(NewDelivery delivery) {
        return commits.appendAsync(new PendingAppend(delivery, storedHeaders.encode(delivery.headers())));
    }

    @Override
    public List<DueRun> due(Instant now, int limit) throws StoreUnavailableException {
        return due(now, null, limit, 0, key -> false);
    }

    @Override
    public List<DueRun> due(Instant now, String handler, int limit) throws StoreUnavailableException {
        return due(now, handler, limit, 0, key -> false);
    }

    /** Claims the runs it returns for this node (see {@link DueRunClaims}). */
    @Override
    public List<DueRun> due(Instant now, String handler, int limit, int readPast, Predicate<String> skip)
            throws StoreUnavailableException {
        try {
            return dueRuns.claim(now, handler, limit, readPast, skip);
        } catch (SQLException e) {
            throw unavailable("claim due runs", e);
        }
    }

    @Override
    public Optional<Instant> nextDue() throws StoreUnavailableException {
        try {
            return reads.nextDue();
        } catch (SQLException e) {
            throw unavailable("read the next due time", e);
        }
    }

    @Override
    public void record(long deliveryId, String handler, RunResult result) throws StoreUnavailableException {
        recordAll(List.of(new RunOutcome(deliveryId, handler, result)));
    }

    @Override
    public CommitHealth commitHealth() {
        return health;
    }

    @Override
    public void recordAll(List<RunOutcome> list) throws StoreUnavailableException {
        if (list.isEmpty()) {
            return;
        }
        try {
            backlog.add(outcomes.recordAll(list, clock.millis()));
        } catch (SQLException e) {
            health.failed(e);
            throw unavailable("record handler outcomes", e);
        }
    }

    /**
     * Pending runs of the whole store as this node last knew them: counted every second, moved in between by this
     * node's own writes (see {@link SharedBacklog}).
     */
    @Override
    public long backlog() {
        return backlog.get();
    }

    @Override
    public long recountBacklog() throws StoreUnavailableException {
        try {
            return backlog.recount();
        } catch (SQLException e) {
            throw unavailable("count pending handler runs", e);
        }
    }

    @Override
    public Optional<StoredDelivery> find(long id) throws StoreUnavailableException {
        try {
            return reads.find(id);
        } catch (SQLException e) {
            throw unavailable("read a delivery", e);
        }
    }

    @Override
    public List<RunView> runs(long deliveryId) throws StoreUnavailableException {
        try {
            return reads.runs(deliveryId);
        } catch (SQLException e) {
            throw unavailable("read handler runs", e);
        }
    }

    /** What the writer has committed since the store opened. */
    public CommitStats commitStats() {
        return commits.stats();
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException(database.settings().location() + " could not " + what + ": "
                + e.getMessage(), e);
    }

    /**
     * Stops as if the process had been killed: nothing queued is written, no claim is given back, and the leases
     * run out by themselves (what the other nodes see of a node that dies). For tests of the other nodes.
     */
    synchronized void halt() {
        closed = true;
        backlog.close();
        claims.stopRenewing();
        stopListening();
        database.close();
        commits.close();
    }

    private void stopListening() {
        if (wakeUps != null) {
            wakeUps.close();
            wakeUps = null;
        }
    }

    /** Writes what is queued, gives the claims still held back to the other nodes, and disconnects. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        commits.close();
        backlog.close();
        stopListening();
        claims.close();
        database.close();
    }
}
