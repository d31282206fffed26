package dev.hookyard.server.dispatch;

import dev.hookyard.server.dispatch.HandlerRunner.CallResult;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.metrics.ServerMetrics;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.RunReservations;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.tracing.AttemptTrace;
import dev.hookyard.server.tracing.Tracing;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed deliveries to their handlers, asynchronously and durably. The store's pending handler runs are
 * the truth: a run is pending from the transaction that stored its delivery until its outcome is recorded, so
 * whatever was accepted before a crash is dispatched after the restart.
 *
 * <p>Runs reach a handler's {@link HandlerLane lane} two ways. A delivery just committed is {@link #handOff handed
 * off} in memory with the event its intake already parsed, so the common path never reads the store back nor parses
 * the body twice. Everything else (runs left from before a restart, retries falling due, replays, and hand-offs a
 * full lane could not take) is read from the store by the scheduler, which refills a lane whenever it runs low and
 * at least once a second, parsing each stored body again (parsers are deterministic, and the stored headers are the
 * same masked headers the intake parsed with, so a handler sees the same event either way).
 *
 * <p>Each handler is called under its own {@link HandlerPolicy} by a {@link HandlerRunner}: its own threads up to
 * its concurrency limit, a timeout per call, and a persisted retry schedule; a lane holds a bounded number of runs
 * (and bytes), so a slow handler's backlog waits in the store, not on the heap, and never holds back the others.
 * A run in memory or in flight is tracked by its run key so that a store read cannot start it twice; after a crash
 * it simply runs again (delivery to handlers is at-least-once). A run whose outcome the store cannot take stays
 * tracked until the {@link OutcomeRecorder} has recorded it, and no call starts meanwhile: the run is not repeated
 * because its outcome could not be written, and handlers are not called for results that could not be kept.
 *
 * <p>A reload hands the dispatcher its new handlers ({@link #use}). A handler whose instance and policy did not
 * change keeps its lane (runs waiting, calls running). The lane of a handler that was removed or changed is retired:
 * its waiting runs go back to the store, where the new lane of a changed handler reads them, and those of a removed
 * handler become dead letters like any run owed to a handler no longer configured; its running calls finish (their
 * outcomes recorded as usual) before the reload may close the handler.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    /** How often runs owed to handlers that are no longer configured are looked for (and marked dead). */
    private static final Duration ORPHAN_SWEEP = Duration.ofMinutes(1);
    private static final int ORPHAN_BATCH = 256;
    /**
     * How long a reserved run waits for its hand-off before store reads may take it: far longer than any hand-off
     * takes, but a commit that completed after its request stopped waiting is never handed off at all.
     */
    private static final long RESERVATION_NANOS = Duration.ofMinutes(2).toNanos();

    private final DeliveryStore store;
    private final Supplier<EndpointTable> endpoints;
    private final Clock clock;
    private final Duration shutdownGrace;
    private final HandlerPolicy defaults;
    /** The lanes of the configured handlers, by name; never changed, replaced by {@link #use}. */
    private volatile Map<String, HandlerLane> lanes;
    /** Lanes retired by {@link #use} whose calls have not all returned yet. */
    private final Set<HandlerLane> retiring = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    /** Records outcomes in batches, off the handlers' threads. */
    private final OutcomeRecorder outcomes;
    private final ServerMetrics metrics;
    private final Tracing tracing;
    private final OutcomeLog outcomeLog;
    /** Run keys in a lane, running, or being recorded: still pending in the store, and not to be started again. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Runs whose outcome was recorded while the scheduler was reading the store: that read may still list them as
     * pending, so they leave {@link #inFlight} only once the scheduler is done with it.
     */
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    /**
     * Runs written by a store transaction whose hand-off has not come yet (see {@link RunReservations}): a store read
     * that lists one leaves it to the hand-off, which may come only after the commit, so that it is started once.
     */
    private final Map<String, Long> reserved = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    /** Set by {@link #wake()}, cleared by the scheduler (holding {@link #signal}) just before it reads the store. */
    private volatile boolean woken;
    /** True while the scheduler holds runs it read from the store and has not yet put into lanes. */
    private volatile boolean reading;
    private volatile boolean running;
    private Thread scheduler;
    private volatile Instant nextOrphanSweep = Instant.MIN;

    /**
     * @param defaults      the policy of handlers whose configuration sets none
     * @param shutdownGrace how long {@link #close()} lets running handler calls finish
     */
    public Dispatcher(DeliveryStore store, EndpointTable endpoints, ConfiguredHandlers handlers,
                      HandlerPolicy defaults, Clock clock, Duration shutdownGrace) {
        this(store, endpoints, handlers, defaults, clock, shutdownGrace, ServerMetrics.detached());
    }

    /** As above, timing handler calls and counting recorded outcomes in {@code metrics}. */
    public Dispatcher(DeliveryStore store, EndpointTable endpoints, ConfiguredHandlers handlers,
                      HandlerPolicy defaults, Clock clock, Duration shutdownGrace, ServerMetrics metrics) {
        this(store, () -> endpoints, handlers, defaults, clock, shutdownGrace, metrics, Tracing.OFF);
    }

    /**
     * As above, with the endpoints a reload may change (stored runs are parsed by the endpoint configured when they
     * start), and a span for each handler attempt.
     */
    public Dispatcher(DeliveryStore store, Supplier<EndpointTable> endpoints, ConfiguredHandlers handlers,
                      HandlerPolicy defaults, Clock clock, Duration shutdownGrace, ServerMetrics metrics,
                      Tracing tracing) {
        this.store = store;
        this.defaults = defaults;
        this.metrics = metrics;
        this.tracing = tracing;
        this.endpoints = endpoints;
        this.clock = clock;
        this.shutdownGrace = shutdownGrace;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("hookyard-timer"));
        // Every call schedules its timeout here and cancels it when it returns: without this, each cancelled
        // timeout would stay queued (and on the heap) for the whole timeout, some 30 s times the call rate.
        timer.setRemoveOnCancelPolicy(true);
        this.timer = timer;
        this.outcomeLog = new OutcomeLog(LOG, handlers.names(), System::nanoTime);
        this.outcomes = new OutcomeRecorder(store, new OutcomeRecorder.Listener() {
            @Override
            public void recorded(OutcomeRecorder.Pending outcome) {
                Dispatcher.this.recorded(outcome);
            }

            @Override
            public void resumed() {
                lanes.values().forEach(Dispatcher.this::drain);
            }
        });
        this.lanes = lanesFor(handlers, Map.of());
        store.reserveRunsWith(new RunReservations() {
            @Override
            public void reserve(long deliveryId, List<String> handlers) {
                for (String handler : handlers) {
                    reserved.put(DueRun.key(deliveryId, handler), System.nanoTime());
                }
            }

            @Override
            public void release(long deliveryId, List<String> handlers) {
                for (String handler : handlers) {
                    reserved.remove(DueRun.key(deliveryId, handler));
                }
            }
        });
    }

    /** As above with default timeouts and concurrency, retrying on {@code retries}, and a 10 s shutdown grace. */
    public Dispatcher(DeliveryStore store, EndpointTable endpoints, ConfiguredHandlers handlers,
                      RetrySchedule retries, Clock clock) {
        this(store, endpoints, handlers, HandlerPolicy.defaults(retries), clock, Duration.ofSeconds(10));
    }

    /**
     * The lanes of {@code handlers}: the lane of {@code current} where the handler's instance and policy are the same,
     * else a new one.
     */
    private Map<String, HandlerLane> lanesFor(ConfiguredHandlers handlers, Map<String, HandlerLane> current) {
        Map<String, HandlerLane> next = new LinkedHashMap<>();
        for (String name : handlers.names()) {
            Handler handler = handlers.named(name).orElseThrow();
            HandlerPolicy policy = handlers.policy(name, defaults);
            HandlerLane lane = current.get(name);
            if (lane == null || lane.runner().handler() != handler || !lane.runner().policy().equals(policy)) {
                lane = new HandlerLane(new HandlerRunner(name, handler, policy, timer, metrics.handler(name).calls()));
            }
            next.put(name, lane);
        }
        return Collections.unmodifiableMap(next);
    }

    /**
     * Dispatches to {@code handlers} from now on (a reload). Handlers whose instance and policy are unchanged keep
     * their lane; the others' lanes are retired: they start no more calls and give their waiting runs back to the
     * store (read again by the new lane of a handler of the same name, or swept as dead letters if it was removed).
     * Runs of a removed handler are looked for at once rather than at the next minute's sweep.
     *
     * @return completes once every call of the retired lanes has returned and its outcome is queued for recording:
     *         from then on nothing calls the handler instances that only those lanes used
     */
    public synchronized CompletableFuture<Void> use(ConfiguredHandlers handlers) {
        Map<String, HandlerLane> current = lanes;
        Map<String, HandlerLane> next = lanesFor(handlers, current);
        outcomeLog.configured(handlers.names());
        lanes = next;
        List<CompletableFuture<Void>> retired = new ArrayList<>();
        for (HandlerLane lane : current.values()) {
            if (next.get(lane.name()) != lane) {
                lane.retire();
                retiring.add(lane);
                // On a thread of its own: the last call's thread completes idle, and stopping the runner's threads
                // would interrupt it, and whatever the caller chains on the returned future (closing the handler).
                CompletableFuture<Void> idle = lane.idle().whenCompleteAsync((ignored, never) -> {
                    lane.runner().close();
                    retiring.remove(lane);
                }, Dispatcher::onRetiringThread);
                retired.add(idle);
                drain(lane); // gives its waiting runs back, and completes idle if no call runs
            }
        }
        if (!current.keySet().equals(next.keySet())) {
            nextOrphanSweep = Instant.MIN;
        }
        wake();
        return CompletableFuture.allOf(retired.toArray(CompletableFuture[]::new));
    }

    /** Starts dispatching; pending work left by an earlier run is read from the store at once. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        scheduler = named("hookyard-scheduler").newThread(this::schedule);
        scheduler.start();
    }

    /**
     * Gives the runs of a delivery whose transaction has just committed to their handlers, with the event its intake
     * parsed. A run a lane has no room for stays pending in the store, where the scheduler finds it; so does every
     * run handed off before {@link #start()} or after {@link #close()}.
     *
     * @param delivery the delivery as stored (its id, and headers with credentials masked)
     * @param event    what the vendor's parser made of exactly that delivery
     * @param handlers the handlers whose runs were stored with it
     */
    public void handOff(StoredDelivery delivery, WebhookEvent event, List<String> handlers) {
        for (String handler : handlers) {
            HandlerLane lane = lanes.get(handler);
            DueRun run = new DueRun(delivery, handler, 0);
            String key = run.runKey();
            if (lane == null || !running) {
                // An unknown handler's run is swept as dead; before start or after close, a store read finds it.
                reserved.remove(key);
                continue;
            }
            if (!lane.hasRoomFor(delivery.body().length)) {
                reserved.remove(key); // from now on a store read may take it
                lane.overflowed(); // the lane asks for a store read once it has drained to half
                continue;
            }
            boolean ours = inFlight.add(key); // false only if a store read took it (a store without reservations)
            reserved.remove(key);
            if (ours) {
                lane.add(new ReadyRun(run, event));
                drain(lane);
            }
        }
    }

    /** Asks the scheduler to read the store now (new work may be there that no hand-off announced). */
    public void wake() {
        if (woken) {
            return;
        }
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Starts calls from the lane while the handler has free capacity; safe to call from any thread. One thread
     * drains a lane at a time, and a call made while it does (from another thread, or from the drain itself: a call
     * that ends before its completion is attached runs that completion, and so {@code callEnded}, on the draining
     * thread) only makes it go round once more. Without this, a fast handler and a full lane nested one drain in
     * another until the draining thread's stack overflowed.
     */
    private void drain(HandlerLane lane) {
        if (!lane.enterDrain()) {
            return;
        }
        int served = 1;
        do {
            drainOnce(lane);
            served = lane.drained(served);
        } while (served != 0);
    }

    private void drainOnce(HandlerLane lane) {
        if (lane.retired()) {
            giveBack(lane);
            lane.completeIfIdle();
            return;
        }
        // While outcomes cannot be recorded, no call starts: the recorder drains every lane once they can.
        while (running && !lane.isEmpty() && !outcomes.holding()) {
            if (!lane.acquireCall()) {
                return; // whoever ends a call drains again
            }
            ReadyRun next = lane.poll();
            if (next == null) {
                lane.releaseCall(); // another thread took it; loop to recheck what was added meanwhile
                continue;
            }
            if (lane.runsLow()) {
                wake();
            }
            if (!start(lane, next)) {
                // The runner refused (it is stopping): nothing ran, so the run stays pending in the store.
                lane.releaseCall();
                lane.runEnded();
                inFlight.remove(next.run().runKey());
                lane.overflowed();
                return;
            }
        }
    }

    /**
     * Takes a retired lane's waiting runs out of memory: they are still pending in the store, where the next read
     * finds them for the handler's new lane (or the orphan sweep, if the handler is gone).
     */
    private void giveBack(HandlerLane lane) {
        boolean any = false;
        for (ReadyRun run = lane.poll(); run != null; run = lane.poll()) {
            lane.runEnded();
            inFlight.remove(run.run().runKey());
            any = true;
        }
        if (any) {
            wake();
        }
    }

    private void schedule() {
        while (running) {
            try {
                Instant now = clock.instant();
                // One set of lanes for the whole pass: a lane a reload retires meanwhile is drained below, which
                // gives back whatever this pass put into it.
                Map<String, HandlerLane> current = lanes;
                reading = true;
                try {
                    releaseFinished();
                    for (HandlerLane lane : current.values()) {
                        refill(lane, now);
                    }
                    if (!now.isBefore(nextOrphanSweep)) {
                        nextOrphanSweep = now.plus(ORPHAN_SWEEP);
                        sweepOrphans(now);
                    }
                } finally {
                    reading = false;
                }
                releaseFinished();
                for (HandlerLane lane : current.values()) {
                    drain(lane);
                }
                awaitWork();
            } catch (StoreUnavailableException e) {
                LOG.error("Dispatcher cannot read the store, will retry: {}", e.getMessage());
                awaitWork();
            } catch (RuntimeException e) {
                LOG.error("Dispatcher loop failed, will retry", e);
                awaitWork();
            }
        }
    }

    /**
     * Tops a lane up with due runs from the store, oldest first, reading past the ones already in memory or in
     * flight. The lane's bounds decide how many are read; when they stop the read short, the lane asks for the next
     * read as soon as it runs low.
     */
    private void refill(HandlerLane lane, Instant now) throws StoreUnavailableException {
        int room = lane.roomByCount();
        if (room <= 0) {
            return;
        }
        lane.caughtUp();
        List<DueRun> due = store.due(now, lane.name(), room, lane.inFlight() + reserved.size(),
                key -> inFlight.contains(key) || reserved.containsKey(key));
        if (due.size() >= room) {
            lane.overflowed(); // there may be more where these came from
        }
        for (DueRun run : due) {
            if (!lane.hasRoomFor(run.delivery().body().length)) {
                lane.overflowed();
                return;
            }
            // A reserved run is being handed off: it is in inFlight before it leaves the reservations.
            if (!reserved.containsKey(run.runKey()) && inFlight.add(run.runKey())) {
                lane.add(new ReadyRun(run, null));
            }
        }
    }

    /** Starts one attempt on the calling thread's behalf; false if the runner refused it (stopping). */
    private boolean start(HandlerLane lane, ReadyRun ready) {
        DueRun run = ready.run();
        HandlerRunner runner = lane.runner();
        WebhookEvent event = ready.event();
        if (event == null) {
            Optional<WebhookEvent> parsed = parseStored(lane, run);
            if (parsed.isEmpty()) {
                lane.releaseCall(); // recorded as dead; no call is made
                return true;
            }
            event = parsed.get();
        }
        WebhookEvent handed = event;
        AttemptTrace trace = tracing.attempt(run.delivery(), runner.name(), run.attempts() + 1);
        Optional<CompletionStage<CallResult>> call = runner.call(() -> handed, trace);
        if (call.isEmpty()) {
            trace.end(AttemptTrace.NOT_STARTED, false, null);
            return false;
        }
        call.get().whenComplete((result, failure) -> {
            RunResult recorded = failure != null
                    ? new RunResult.RetryAt(clock.instant(), "dispatch failed: " + failure)
                    : resultOf(runner.policy().retries(), run, result);
            boolean ranOut = result instanceof CallResult.TimedOut;
            trace.end(RunResult.outcomeName(recorded, ranOut), RunResult.failed(recorded),
                    result instanceof CallResult.Threw threw ? threw.failure().getClass().getName() : null);
            outcomes.submit(new OutcomeRecorder.Pending(run, lane, recorded, ranOut));
            if (result instanceof CallResult.TimedOut timedOut) {
                // Failed and recorded now, but its thread is the handler's until the abandoned call returns.
                timedOut.returned().whenComplete((ignored, never) -> callEnded(lane));
            } else {
                callEnded(lane);
            }
        });
        return true;
    }

    /** The event of a run read from the store; empty (and the run recorded dead) if it can no longer be made. */
    private Optional<WebhookEvent> parseStored(HandlerLane lane, DueRun run) {
        Optional<Endpoint> endpoint = endpoints.get().byName(run.delivery().endpoint());
        if (endpoint.isEmpty()) {
            outcomes.submit(new OutcomeRecorder.Pending(run, lane, new RunResult.Dead("endpoint '"
                    + run.delivery().endpoint() + "' is no longer configured"), false));
            return Optional.empty();
        }
        ParseResult parsed = endpoint.get().vendor().parser().parse(run.delivery().toDelivery());
        if (!(parsed instanceof ParseResult.Parsed ok)) {
            outcomes.submit(new OutcomeRecorder.Pending(run, lane, new RunResult.Dead("stored body no longer parses: "
                    + ((ParseResult.Malformed) parsed).reason()), false));
            return Optional.empty();
        }
        return Optional.of(ok.event());
    }

    /** A call of this handler has ended (its outcome is queued for recording): its slot is free for the next. */
    private void callEnded(HandlerLane lane) {
        lane.releaseCall();
        if (!running) {
            synchronized (signal) {
                signal.notifyAll(); // close() waits for calls to end
            }
            return;
        }
        drain(lane);
    }

    /** Runs owed to handlers no longer in the configuration can never complete: dead letters, replayable later. */
    private void sweepOrphans(Instant now) throws StoreUnavailableException {
        for (DueRun run : store.due(now, ORPHAN_BATCH)) {
            // The lanes as they are now, not as the pass began: a run of a handler a reload added since may be
            // among those read.
            if (!lanes.containsKey(run.handler()) && inFlight.add(run.runKey())) {
                outcomes.submit(new OutcomeRecorder.Pending(run, run.handler(), new RunResult.Dead("handler '"
                        + run.handler() + "' is no longer configured")));
            }
        }
    }

    /**
     * Lets finished runs be read again (a retry is the same run). Done by the scheduler outside its reads: a due
     * list read while an attempt was still being recorded may list that run as pending, and must not find it out of
     * {@link #inFlight} and start it a second time.
     */
    private void releaseFinished() {
        for (Iterator<String> it = finished.iterator(); it.hasNext(); ) {
            String key = it.next();
            it.remove();
            inFlight.remove(key);
        }
        long nanos = System.nanoTime();
        reserved.values().removeIf(since -> nanos - since > RESERVATION_NANOS);
    }

    private void awaitWork() {
        long waitMillis = IDLE_POLL.toMillis();
        try {
            Optional<Instant> next = store.nextDue();
            if (next.isPresent()) {
                long untilDue = next.get().toEpochMilli() - clock.millis();
                if (untilDue > 0) {
                    waitMillis = Math.min(waitMillis, untilDue);
                }
            }
        } catch (StoreUnavailableException e) {
            // keep the idle poll; the next pass reports the failure
        }
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(Math.max(1, waitMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Called by the recorder once an outcome is committed. */
    private void recorded(OutcomeRecorder.Pending outcome) {
        metrics.handler(outcome.handler()).recorded(outcome.result(), outcome.timedOut());
        outcomeLog.recorded(outcome);
        if (outcome.lane() != null) {
            outcome.lane().runEnded();
        }
        if (reading) {
            finished.add(outcome.runKey()); // the scheduler's current read may list it: it releases it afterwards
        } else {
            // Its outcome is committed, so any read that starts from now on sees it as no longer pending.
            inFlight.remove(outcome.runKey());
        }
        if (outcome.result() instanceof RunResult.RetryAt) {
            wake(); // the scheduler's wait may be longer than this retry's delay
        }
        if (!running) {
            synchronized (signal) {
                signal.notifyAll(); // close() waits for outcomes too
            }
        }
    }

    private RunResult resultOf(RetrySchedule retries, DueRun run, CallResult result) {
        int attemptsMade = run.attempts() + 1;
        if (result instanceof CallResult.TimedOut) {
            return retryOrDead(retries, attemptsMade, Optional.empty(), "timed out");
        }
        if (result instanceof CallResult.Threw threw) {
            return retryOrDead(retries, attemptsMade, Optional.empty(), describe(threw.failure()));
        }
        Outcome outcome = ((CallResult.Returned) result).outcome();
        if (outcome instanceof Outcome.Drop drop) {
            return new RunResult.Dropped(drop.reason());
        }
        if (outcome instanceof Outcome.RetryAfter retry) {
            return retryOrDead(retries, attemptsMade, Optional.of(retry.delay()), "handler asked to retry after "
                    + retry.delay());
        }
        if (outcome == null) {
            return retryOrDead(retries, attemptsMade, Optional.empty(), "handler returned no outcome");
        }
        return new RunResult.Done();
    }

    private RunResult retryOrDead(RetrySchedule retries, int attemptsMade, Optional<Duration> requested,
                                  String error) {
        return retries.next(clock.instant(), attemptsMade, requested)
                .<RunResult>map(at -> new RunResult.RetryAt(at, error))
                .orElseGet(() -> new RunResult.Dead("gave up after " + attemptsMade + " attempts: " + error));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
    }

    /**
     * Stops starting calls and lets running ones finish (and be recorded) within the shutdown grace; calls still
     * running then are interrupted, and their runs stay pending for the next start, as do runs waiting in lanes.
     */
    @Override
    public void close() {
        running = false;
        wake();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        if (scheduler != null) {
            try {
                scheduler.join(Math.max(1, shutdownGrace.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (signal) {
            while (busyCalls() > 0 && System.nanoTime() < deadline) {
                try {
                    signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (busyCalls() > 0) {
            LOG.warn("{} handler call(s) still running after {}; they stay pending for the next start", busyCalls(),
                    shutdownGrace);
        }
        List<HandlerLane> all = new ArrayList<>(lanes.values());
        all.addAll(retiring);
        for (HandlerLane lane : all) {
            try {
                lane.runner().close();
            } catch (Exception e) {
                LOG.warn("Stopping handler {} failed: {}", lane.name(), e.toString());
            }
        }
        timer.shutdownNow();
        outcomes.close();
    }

    private int busyCalls() {
        return lanes.values().stream().mapToInt(HandlerLane::calls).sum()
                + retiring.stream().mapToInt(HandlerLane::calls).sum();
    }

    private static void onRetiringThread(Runnable task) {
        Thread thread = new Thread(task, "hookyard-handler-retire");
        thread.setDaemon(true);
        thread.start();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + counter.incrementAndGet() : prefix);
            thread.setDaemon(false);
            return thread;
        };
    }
}
