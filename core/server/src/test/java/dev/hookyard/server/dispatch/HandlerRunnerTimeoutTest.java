package dev.hookyard.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.dispatch.HandlerRunner.CallResult;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.tracing.AttemptTrace;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the runner does with a call past its timeout: the attempt fails at once, the call's thread is interrupted
 * once, and the call keeps its slot until its code returns. A call the handler cannot cut short (a write that must
 * finish, a thread stopped with the whole JVM) used to free its slot at the timeout, so the next call queued behind
 * its busy thread, and timed out there without the handler ever seeing it: a wasted attempt, and under a stall a dead
 * letter for an event that never ran.
 */
class HandlerRunnerTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final CountDownLatch finishStalledCall = new CountDownLatch(1);
    private final AtomicBoolean stalledCallInterrupted = new AtomicBoolean();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<Boolean> nextCallStartedInterrupted = new AtomicReference<>();
    private HandlerRunner runner;

    @AfterEach
    void stop() {
        finishStalledCall.countDown();
        if (runner != null) {
            runner.close();
        }
        timer.shutdownNow();
    }

    /**
     * Stalls on "stalled" until the test lets it finish, and only notes an interrupt meanwhile, as a call that must
     * complete a write does; any other event is handled at once.
     */
    private final Handler handler = event -> {
        seen.add(event.deliveryKey());
        if (!event.deliveryKey().equals("stalled")) {
            nextCallStartedInterrupted.compareAndSet(null, Thread.currentThread().isInterrupted());
            return Outcome.done();
        }
        while (finishStalledCall.getCount() > 0) {
            try {
                finishStalledCall.await();
            } catch (InterruptedException e) {
                stalledCallInterrupted.set(true);
            }
        }
        return Outcome.done();
    };

    @Test
    void aCallPastItsTimeoutFailsAtOnceIsInterruptedAndKeepsItsSlotUntilItReturns() throws Exception {
        runner = new HandlerRunner("archive", handler, new HandlerPolicy(RetrySchedule.DEFAULT, TIMEOUT, 1), timer,
                new SimpleMeterRegistry().timer("calls"));

        CompletionStage<CallResult> stalled = runner.call(() -> event("stalled"), AttemptTrace.NONE).orElseThrow();
        assertInstanceOf(CallResult.TimedOut.class, stalled.toCompletableFuture().get(10, TimeUnit.SECONDS),
                "the attempt fails at the timeout, while the call still runs");
        Eventually.await(stalledCallInterrupted::get, () -> "the stalled call was not interrupted");

        assertTrue(runner.call(() -> event("next"), AttemptTrace.NONE).isEmpty(),
                "no other call may start while the abandoned call still holds the handler's only slot");

        finishStalledCall.countDown();
        AtomicReference<Optional<CompletionStage<CallResult>>> next = new AtomicReference<>(Optional.empty());
        Eventually.await(() -> {
            next.set(runner.call(() -> event("next"), AttemptTrace.NONE));
            return next.get().isPresent();
        }, () -> "the slot was not freed once the stalled call returned");
        CallResult result = next.get().orElseThrow().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(new CallResult.Returned(Outcome.done()), result);
        assertEquals(List.of("stalled", "next"), seen, "the next call ran, once");
        assertFalse(nextCallStartedInterrupted.get(), "the interrupt meant for the stalled call reached the next one");
    }

    private static WebhookEvent event(String key) {
        return new GenericEvent("least", "record.created", key, new Delivery("least", Headers.empty(),
                "{}".getBytes(StandardCharsets.UTF_8), Instant.parse("2025-01-01T00:00:00Z")));
    }
}
