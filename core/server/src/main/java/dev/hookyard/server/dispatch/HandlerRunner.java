package dev.hookyard.server.dispatch;

import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.server.tracing.AttemptTrace;
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
import java.util.function.Supplier;

/**
 * Calls one handler under its {@link HandlerPolicy}: a Resilience4j bulkhead admits at most its concurrency limit
 * of calls, which run on the handler's own threads, and a Resilience4j time limiter fails a call that runs too long.
 * The threads are the runner's own, not the bulkhead library's, so a stop can interrupt calls still running after
 * the grace without waiting any longer.
 *
 * <p>What a timeout does, and why (the contract plugins see is in {@link Handler}'s documentation):
 * <ul>
 *   <li>The attempt fails at once ({@link CallResult.TimedOut}), so its retry is scheduled without waiting for a call
 *       that may never return; whatever the call returns later is ignored.</li>
 *   <li>The call's thread is interrupted, once: Java's only way to ask blocking code to stop, and what the JDK's own
 *       blocking calls (HTTP client, process waits, locks) answer. The interrupt is a cancellation of that call only
 *       ({@link CallCancellation}): it never reaches the thread's next call, and a call that had not started yet
 *       never starts. Not interrupting would leave a call stuck on a dead peer holding its thread for good.</li>
 *   <li>The call keeps its thread and its slot until its code returns. Its thread is busy until then whatever the
 *       runner decides; freeing the slot early only queued the next call behind it, where that call's own timeout
 *       ran out without the handler ever seeing it (a wasted attempt, and under a stall a dead letter for an event
 *       that never ran). So a handler that ignores interrupts slows only itself down, and its events wait in the
 *       store, where they survive a restart.</li>
 * </ul>
 * A plugin must keep what it shares between calls usable after an interrupt; the runner cannot do that for it, since
 * only the plugin knows what an interrupt closes (an NIO channel) or leaves half done.
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

        /**
         * The handler ran past its timeout: the attempt failed, and the call was abandoned and interrupted.
         *
         * @param returned completes once the abandoned call's code has returned (or the call was cancelled before it
         *                 started): until then it holds its thread and its slot
         */
        record TimedOut(CompletionStage<Void> returned) implements CallResult {
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
        // A permit is released when the call's code returns, not at its timeout (see above).
        this.bulkhead = Bulkhead.of("hookyard-handler-" + name, BulkheadConfig.custom()
                .maxConcurrentCalls(policy.maxConcurrent())
                .maxWaitDuration(java.time.Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build());
        // The runner cancels a call itself, through its CallCancellation: cancelling the future would not reach the
        // call's thread anyway.
        this.timeLimiter = TimeLimiter.of("hookyard-handler-" + name, TimeLimiterConfig.custom()
                .timeoutDuration(policy.timeout())
                .cancelRunningFuture(false)
                .build());
        AtomicInteger count = new AtomicInteger();
        // As many threads as permits, so a call with a permit never waits for a thread.
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

    /** The instance called: a reload keeps a lane only while its handler is the same instance. */
    Handler handler() {
        return handler;
    }

    /**
     * Starts one call if the handler has capacity; the stage completes once with how the call ended. Empty when the
     * handler is at its concurrency limit (the run stays pending and is offered again later).
     *
     * @param trace the attempt's span, current on the handler's thread while the call runs
     */
    java.util.Optional<CompletionStage<CallResult>> call(Supplier<WebhookEvent> event, AttemptTrace trace) {
        if (!bulkhead.tryAcquirePermission()) {
            return java.util.Optional.empty();
        }
        CallCancellation cancellation = new CallCancellation();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        CompletableFuture<Void> returned = new CompletableFuture<>();
        try {
            threads.execute(() -> run(event, trace, cancellation, outcome, returned));
        } catch (RejectedExecutionException e) {
            bulkhead.releasePermission(); // stopping
            return java.util.Optional.empty();
        }
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        timeLimiter.executeCompletionStage(timer, () -> outcome).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(new CallResult.Returned(value));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                cancellation.cancel();
                result.complete(new CallResult.TimedOut(returned));
            } else {
                result.complete(new CallResult.Threw(cause));
            }
        });
        return java.util.Optional.of(result);
    }

    /**
     * One call, on a handler thread. The permit is released before the outcome is completed: whoever is told that the
     * call ended may start the next one at once (on this thread, as soon as it is back in the pool).
     */
    private void run(Supplier<WebhookEvent> event, AttemptTrace trace, CallCancellation cancellation,
                     CompletableFuture<Outcome> outcome, CompletableFuture<Void> returned) {
        Outcome value = null;
        Throwable failure = null;
        if (cancellation.begin()) {
            long started = System.nanoTime();
            try (AttemptTrace.Scope traced = trace.enter()) {
                value = ContextClassLoader.callAs(handler, () -> handler.handle(event.get()));
            } catch (Throwable e) { // an Error too: it fails this call, not the handler thread
                failure = e;
            } finally {
                cancellation.end();
                calls.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
        bulkhead.onComplete();
        // After a timeout the outcome is already failed, and these change nothing.
        if (failure == null) {
            outcome.complete(value);
        } else {
            outcome.completeExceptionally(failure);
        }
        returned.complete(null);
    }

    /** Interrupts calls still running (the stop's grace is over) and releases the threads, without waiting. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
