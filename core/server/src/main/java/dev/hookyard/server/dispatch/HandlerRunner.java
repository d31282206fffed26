package dev.hookyard.server.dispatch;

import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Calls one handler under its {@link HandlerPolicy}: a Resilience4j thread-pool bulkhead gives it its own threads up
 * to its concurrency limit, and a time limiter fails a call that runs too long and interrupts its thread.
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
    private final ThreadPoolBulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final ScheduledExecutorService timer;

    HandlerRunner(String name, Handler handler, HandlerPolicy policy, ScheduledExecutorService timer) {
        this.name = name;
        this.handler = handler;
        this.policy = policy;
        this.timer = timer;
        this.bulkhead = ThreadPoolBulkhead.of("hookyard-handler-" + name, ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(policy.maxConcurrent())
                .maxThreadPoolSize(policy.maxConcurrent())
                // No queue beyond the running calls: work waits in the store, where it survives a crash.
                .queueCapacity(1)
                .writableStackTraceEnabled(false)
                .build());
        this.timeLimiter = TimeLimiter.of("hookyard-handler-" + name, TimeLimiterConfig.custom()
                .timeoutDuration(policy.timeout())
                .cancelRunningFuture(true)
                .build());
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
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletionStage<Outcome> running;
        try {
            running = timeLimiter.executeCompletionStage(timer, () -> bulkhead.submit(() -> {
                worker.set(Thread.currentThread());
                try {
                    return ContextClassLoader.callAs(handler, () -> handler.handle(event.get()));
                } finally {
                    worker.set(null);
                    Thread.interrupted(); // a timeout's interrupt must not leak into the pool's next task
                }
            }));
        } catch (BulkheadFullException e) {
            return java.util.Optional.empty();
        }
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        running.whenComplete((outcome, failure) -> {
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

    /** Stops taking calls; calls still running finish (or are interrupted by {@link #close()}'s caller's deadline). */
    @Override
    public void close() throws Exception {
        bulkhead.close();
    }
}
