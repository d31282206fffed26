package dev.hookyard.server.dispatch;

import dev.hookyard.server.dispatch.HandlerRunner.CallResult;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.metrics.ServerMetrics;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.DueRun;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed deliveries to their handlers, asynchronously and durably: it works from the store's pending
 * handler runs, never from memory, so whatever was accepted before a crash is dispatched after the restart.
 *
 * <p>Each stored delivery is parsed again from its raw bytes (parsers are deterministic), so a handler sees the same
 * typed event whether it runs a millisecond or a day after acceptance. Each handler is called under its own
 * {@link HandlerPolicy} by a {@link HandlerRunner}: its own threads up to its concurrency limit, a timeout per call,
 * and a persisted retry schedule. Due runs are read per handler, up to its free capacity, so a slow handler's
 * backlog never hides the other handlers' work. A run in flight is tracked in memory so a second poll does not start
 * it twice; after a crash it simply runs again (delivery to handlers is at-least-once).
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    /** How often runs owed to handlers that are no longer configured are looked for (and marked dead). */
    private static final Duration ORPHAN_SWEEP = Duration.ofMinutes(1);
    private static final int ORPHAN_BATCH = 256;
    /** How long a run whose outcome could not be recorded waits before it is offered again. */
    private static final Duration STORE_FAILURE_COOLDOWN = Duration.ofSeconds(5);

    private final DeliveryStore store;
    private final EndpointTable endpoints;
    private final Clock clock;
    private final Duration shutdownGrace;
    private final Map<String, HandlerRunner> runners = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    /** Records outcomes in batches, off the handlers' threads. */
    private final OutcomeRecorder outcomes;
    private final ServerMetrics metrics;
    /** Runs whose outcome could not be recorded, with when they may be offered again (the store needs time). */
    private final Map<String, Instant> coolingDown = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Runs of each handler in flight: called and not yet recorded (they are still pending in the store). */
    private final Map<String, AtomicInteger> inFlightByHandler = new ConcurrentHashMap<>();
    /**
     * Calls of each handler running now: what its concurrency limit counts. A call's slot is free as soon as the
     * call returns, while its outcome is still being recorded, so recording never holds back the next call.
     */
    private final Map<String, AtomicInteger> callsByHandler = new ConcurrentHashMap<>();
    /** Runs whose attempt has ended; they leave {@link #inFlight} only at the start of the next scheduling pass. */
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    /** Set by {@link #wake()}, cleared by the scheduler (holding {@link #signal}) just before it reads the store. */
    private volatile boolean woken;
    private volatile boolean running;
    private Thread scheduler;
    private Instant nextOrphanSweep = Instant.MIN;

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
        this.store = store;
        this.metrics = metrics;
        this.endpoints = endpoints;
        this.clock = clock;
        this.shutdownGrace = shutdownGrace;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("hookyard-dispatch-timer"));
        // Every call schedules its timeout here and cancels it when it returns: without this, each cancelled
        // timeout would stay queued (and on the heap) for the whole timeout, some 30 s times the call rate.
        timer.setRemoveOnCancelPolicy(true);
        this.timer = timer;
        this.outcomes = new OutcomeRecorder(store, this::recorded);
        for (String name : handlers.names()) {
            Handler handler = handlers.named(name).orElseThrow();
            runners.put(name, new HandlerRunner(name, handler, handlers.policy(name, defaults), timer,
                    metrics.handler(name).calls()));
            inFlightByHandler.put(name, new AtomicInteger());
            callsByHandler.put(name, new AtomicInteger());
        }
    }

    /** As above with default timeouts and concurrency, retrying on {@code retries}, and a 10 s shutdown grace. */
    public Dispatcher(DeliveryStore store, EndpointTable endpoints, ConfiguredHandlers handlers,
                      RetrySchedule retries, Clock clock) {
        this(store, endpoints, handlers, HandlerPolicy.defaults(retries), clock, Duration.ofSeconds(10));
    }

    /** Starts polling the store; pending work left by an earlier run is picked up at once. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        scheduler = named("hookyard-dispatch-scheduler").newThread(this::schedule);
        scheduler.start();
    }

    /**
     * Tells the dispatcher new work may be due (called after each committed delivery). Cheap when a wake-up is
     * already pending, as it is under load: the scheduler clears the flag before it reads the store, so the pass it
     * is about to make reads after this caller's commit and finds its work; only the first caller takes the monitor.
     */
    public void wake() {
        if (woken) {
            return;
        }
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void schedule() {
        while (running) {
            try {
                releaseFinished();
                Instant now = clock.instant();
                for (HandlerRunner runner : runners.values()) {
                    startDue(runner, now);
                }
                if (!now.isBefore(nextOrphanSweep)) {
                    sweepOrphans(now);
                    nextOrphanSweep = now.plus(ORPHAN_SWEEP);
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

    private void startDue(HandlerRunner runner, Instant now) throws StoreUnavailableException {
        AtomicInteger calls = callsByHandler.get(runner.name());
        AtomicInteger inFlightRuns = inFlightByHandler.get(runner.name());
        int capacity = runner.policy().maxConcurrent() - calls.get();
        if (capacity <= 0) {
            return;
        }
        // Runs of this handler still in flight (running or being recorded) are pending too: read past them.
        for (DueRun run : store.due(now, runner.name(), capacity, inFlightRuns.get(), inFlight::contains)) {
            if (calls.get() >= runner.policy().maxConcurrent()) {
                return;
            }
            if (inFlight.add(run.runKey())) {
                inFlightRuns.incrementAndGet();
                calls.incrementAndGet();
                if (!start(runner, run)) {
                    calls.decrementAndGet();
                    inFlightRuns.decrementAndGet();
                    inFlight.remove(run.runKey()); // nothing ran, nothing was recorded: safe to offer again
                    return;
                }
            }
        }
    }

    /** Starts one attempt; false if the handler had no capacity after all. */
    private boolean start(HandlerRunner runner, DueRun run) {
        Optional<Endpoint> endpoint = endpoints.byName(run.delivery().endpoint());
        if (endpoint.isEmpty()) {
            callEnded(runner.name()); // no call is made
            recordAsync(run, runner.name(), new RunResult.Dead("endpoint '" + run.delivery().endpoint()
                    + "' is no longer configured"));
            return true;
        }
        ParseResult parsed = endpoint.get().vendor().parser().parse(run.delivery().toDelivery());
        if (!(parsed instanceof ParseResult.Parsed ok)) {
            callEnded(runner.name()); // no call is made
            recordAsync(run, runner.name(), new RunResult.Dead("stored body no longer parses: "
                    + ((ParseResult.Malformed) parsed).reason()));
            return true;
        }
        WebhookEvent event = ok.event();
        Optional<CompletionStage<CallResult>> call = runner.call(() -> event);
        if (call.isEmpty()) {
            return false;
        }
        call.get().whenComplete((result, failure) -> {
            outcomes.submit(new OutcomeRecorder.Pending(run, runner.name(),
                    failure != null ? new RunResult.RetryAt(clock.instant(), "dispatch failed: " + failure)
                            : resultOf(runner.policy().retries(), run, result),
                    result instanceof CallResult.TimedOut));
            callEnded(runner.name());
        });
        return true;
    }

    /** A call of this handler has ended (its outcome is queued for recording): its slot is free for the next. */
    private void callEnded(String handler) {
        AtomicInteger calls = callsByHandler.get(handler);
        if (calls != null) {
            calls.decrementAndGet();
        }
        synchronized (signal) {
            signal.notifyAll(); // also wakes close() waiting for calls to end
        }
        wake();
    }

    private void recordAsync(DueRun run, String handler, RunResult result) {
        outcomes.submit(new OutcomeRecorder.Pending(run, handler, result));
    }

    /** Runs owed to handlers no longer in the configuration can never complete: dead letters, replayable later. */
    private void sweepOrphans(Instant now) throws StoreUnavailableException {
        for (DueRun run : store.due(now, ORPHAN_BATCH)) {
            if (!runners.containsKey(run.handler()) && inFlight.add(run.runKey())) {
                recordAsync(run, run.handler(), new RunResult.Dead("handler '" + run.handler()
                        + "' is no longer configured"));
            }
        }
    }

    /**
     * Lets finished runs be scheduled again (a retry is the same run). Done here, by the scheduler, before it reads
     * the store, never by the worker: a due list read while an attempt was still being recorded may list that run
     * as pending, and must not find it out of {@link #inFlight} and start it a second time.
     */
    private void releaseFinished() {
        for (Iterator<String> it = finished.iterator(); it.hasNext(); ) {
            String key = it.next();
            it.remove();
            inFlight.remove(key);
        }
        Instant now = clock.instant();
        coolingDown.entrySet().removeIf(e -> {
            if (now.isBefore(e.getValue())) {
                return false;
            }
            inFlight.remove(e.getKey());
            return true;
        });
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

    /** Called by the recorder once an outcome is written (or could not be). */
    private void recorded(OutcomeRecorder.Pending outcome, boolean stored) {
        DueRun run = outcome.run();
        if (stored) {
            metrics.handler(outcome.handler()).recorded(outcome.result(), outcome.timedOut());
            if (outcome.result() instanceof RunResult.Done) {
                LOG.debug("Handler {} done with delivery {}", outcome.handler(), run.delivery().id());
            } else {
                LOG.warn("Handler {} did not complete delivery {} (attempt {}): {}", outcome.handler(),
                        run.delivery().id(), run.attempts() + 1, outcome.result());
            }
        }
        AtomicInteger busy = inFlightByHandler.get(outcome.handler());
        if (busy != null) {
            busy.decrementAndGet();
        }
        if (stored) {
            finished.add(run.runKey());
        } else {
            // Still pending in the store: offering it again at once would call the handler in a tight loop.
            coolingDown.put(run.runKey(), clock.instant().plus(STORE_FAILURE_COOLDOWN));
        }
        synchronized (signal) {
            signal.notifyAll(); // also wakes close() waiting for calls to end
        }
        wake();
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
     * running then are interrupted, and their runs stay pending for the next start.
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
        for (HandlerRunner runner : runners.values()) {
            try {
                runner.close();
            } catch (Exception e) {
                LOG.warn("Stopping handler {} failed: {}", runner.name(), e.toString());
            }
        }
        timer.shutdownNow();
        outcomes.close();
    }

    private int busyCalls() {
        return callsByHandler.values().stream().mapToInt(AtomicInteger::get).sum();
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
