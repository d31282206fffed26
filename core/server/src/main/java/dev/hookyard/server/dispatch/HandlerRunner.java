package dev.hookyard.server.dispatch;

import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Calls one handler under its {@link HandlerPolicy}: a Resilience4j bulkhead admits at most its concurrency limit
 * of calls, which run on the handler's own threads, and a Resilience4j time limiter fails a call that runs too long
 * (its thread is then interrupted). The threads are the runner's own, not the bulkhead library's, so a stop can
 * interrupt calls still running after the grace without waiting any longer.
 */
final class HandlerRunner implements AutoCloseable {

    /** How one call ended. */
    sealed interface CallResult {
        /** The handler returned (possibly {@code null}, which the dispatcher treats as a failure). */
        record Returned(Outcome outcome) implements CallResult {
        }

        /** The handler threw. */
        record Threw(Throwable failure) implements CallResult {
        }

        /** The handler ran past its timeout. */
        record TimedOut() implements CallResult {
        }
    }

    private final String name;
    private final Handler handler;
    private final HandlerPolicy policy;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final ScheduledExecutorService timer;
    private final ExecutorService threads;
    private final Timer calls;

    /** @param calls times each call of the handler, from its start on a handler thread to its return or throw */
    HandlerRunner(String name, Handler handler, HandlerPolicy policy, ScheduledExecutorService timer, Timer calls) {
        this.name = name;
        this.calls = calls;
        this.handler = handler;
        this.policy = policy;
        this.timer = timer;
        // No waiting for a permit: a run the handler has no room for waits in the store, where it survives a crash.
        this.bulkhead = Bulkhead.of("hookyard-handler-" + name, BulkheadConfig.custom()
                .maxConcurrentCalls(policy.maxConcurrent())
                .maxWaitDuration(java.time.Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build());
        this.timeLimiter = TimeLimiter.of("hookyard-handler-" + name, TimeLimiterConfig.custom()
                .timeoutDuration(policy.timeout())
                .cancelRunningFuture(true)
                .build());
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(policy.maxConcurrent(), runnable -> {
            Thread thread = new Thread(runnable, "hookyard-handler-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true); // a call stuck past the stop must not keep the process alive
            return thread;
        });
    }

    String name() {
        return name;
    }

    HandlerPolicy policy() {
        return policy;
    }

    /**
     * Starts one call if the handler has capacity; the stage completes once with how the call ended. Empty when the
     * handler is at its concurrency limit (the run stays pending and is offered again later).
     */
    java.util.Optional<CompletionStage<CallResult>> call(Supplier<WebhookEvent> event) {
        if (!bulkhead.tryAcquirePermission()) {
            return java.util.Optional.empty();
        }
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletionStage<Outcome> running;
        try {
            running = timeLimiter.executeCompletionStage(timer, () -> CompletableFuture.supplyAsync(() -> {
                worker.set(Thread.currentThread());
                long started = System.nanoTime();
                try {
                    return ContextClassLoader.callAs(handler, () -> handler.handle(event.get()));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CompletionException(e);
                } finally {
                    calls.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    worker.set(null);
                    Thread.interrupted(); // a timeout's interrupt must not leak into the pool's next task
                }
            }, threads));
        } catch (RejectedExecutionException e) {
            bulkhead.releasePermission(); // stopping
            return java.util.Optional.empty();
        }
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        running.whenComplete((outcome, failure) -> {
            // The permit first: whoever is told that the call ended may start the next one at once.
            bulkhead.onComplete();
            if (failure == null) {
                result.complete(new CallResult.Returned(outcome));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                Thread stuck = worker.get();
                if (stuck != null) {
                    stuck.interrupt();
                }
                result.complete(new CallResult.TimedOut());
            } else {
                result.complete(new CallResult.Threw(cause));
            }
        });
        return java.util.Optional.of(result);
    }

    /** Interrupts calls still running (the stop's grace is over) and releases the threads, without waiting. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
