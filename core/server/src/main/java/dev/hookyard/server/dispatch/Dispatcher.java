package dev.hookyard.server.dispatch;

import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.plugin.ContextClassLoader;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * typed event whether it runs a millisecond or a day after acceptance. A run in flight is tracked in memory so a
 * second poll does not start it twice; after a crash it simply runs again (delivery to handlers is at-least-once).
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final DeliveryStore store;
    private final EndpointTable endpoints;
    private final ConfiguredHandlers handlers;
    private final RetrySchedule retries;
    private final Clock clock;
    private final int maxInFlight;
    private final ExecutorService workers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Runs whose attempt has ended; they leave {@link #inFlight} only at the start of the next scheduling pass. */
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread scheduler;

    public Dispatcher(DeliveryStore store, EndpointTable endpoints, ConfiguredHandlers handlers,
                      RetrySchedule retries, Clock clock, int workerThreads) {
        this.store = store;
        this.endpoints = endpoints;
        this.handlers = handlers;
        this.retries = retries;
        this.clock = clock;
        this.maxInFlight = workerThreads * 4;
        this.workers = Executors.newFixedThreadPool(workerThreads, named("hookyard-dispatch-"));
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

    /** Tells the dispatcher new work may be due (called after each committed delivery). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void schedule() {
        while (running) {
            try {
                releaseFinished();
                int capacity = maxInFlight - inFlight.size();
                if (capacity > 0) {
                    List<DueRun> due = store.due(clock.instant(), capacity + inFlight.size());
                    for (DueRun run : due) {
                        if (inFlight.size() < maxInFlight && inFlight.add(run.runKey())) {
                            workers.execute(() -> attempt(run));
                        }
                    }
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

    private void attempt(DueRun run) {
        try {
            RunResult result = resultOf(run);
            store.record(run.delivery().id(), run.handler(), result);
            if (result instanceof RunResult.Done) {
                LOG.debug("Handler {} done with delivery {}", run.handler(), run.delivery().id());
            } else {
                LOG.warn("Handler {} did not complete delivery {} (attempt {}): {}", run.handler(),
                        run.delivery().id(), run.attempts() + 1, result);
            }
        } catch (StoreUnavailableException e) {
            LOG.error("Could not record the outcome of handler {} for delivery {}; it will run again: {}",
                    run.handler(), run.delivery().id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Dispatching delivery {} to {} failed", run.delivery().id(), run.handler(), e);
        } finally {
            finished.add(run.runKey());
            wake();
        }
    }

    private RunResult resultOf(DueRun run) {
        Optional<Handler> handler = handlers.named(run.handler());
        if (handler.isEmpty()) {
            return new RunResult.Dead("handler '" + run.handler() + "' is no longer configured");
        }
        Optional<Endpoint> endpoint = endpoints.byName(run.delivery().endpoint());
        if (endpoint.isEmpty()) {
            return new RunResult.Dead("endpoint '" + run.delivery().endpoint() + "' is no longer configured");
        }
        ParseResult parsed = endpoint.get().vendor().parser().parse(run.delivery().toDelivery());
        if (!(parsed instanceof ParseResult.Parsed ok)) {
            return new RunResult.Dead("stored body no longer parses: " + ((ParseResult.Malformed) parsed).reason());
        }
        WebhookEvent event = ok.event();
        int attemptsMade = run.attempts() + 1;
        Outcome outcome;
        try {
            outcome = ContextClassLoader.callAs(handler.get(), () -> handler.get().handle(event));
        } catch (Exception e) {
            return retryOrDead(attemptsMade, Optional.empty(), describe(e));
        }
        if (outcome instanceof Outcome.Drop drop) {
            return new RunResult.Dropped(drop.reason());
        }
        if (outcome instanceof Outcome.RetryAfter retry) {
            return retryOrDead(attemptsMade, Optional.of(retry.delay()), "handler asked to retry after "
                    + retry.delay());
        }
        if (outcome == null) {
            return retryOrDead(attemptsMade, Optional.empty(), "handler returned no outcome");
        }
        return new RunResult.Done();
    }

    private RunResult retryOrDead(int attemptsMade, Optional<Duration> requested, String error) {
        return retries.next(clock.instant(), attemptsMade, requested)
                .<RunResult>map(at -> new RunResult.RetryAt(at, error))
                .orElseGet(() -> new RunResult.Dead("gave up after " + attemptsMade + " attempts: " + error));
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
    }

    /** Stops polling, lets in-flight handler calls finish within a grace period; the rest stays pending. */
    @Override
    public void close() {
        running = false;
        wake();
        if (scheduler != null) {
            try {
                scheduler.join(SHUTDOWN_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Handler calls still running after {}; they stay pending for the next start",
                        SHUTDOWN_GRACE);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
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
