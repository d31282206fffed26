package dev.hookyard.testkit;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One call of a handler on a thread of its own, as the host makes it, which a test can interrupt the way the host
 * cancels a call that ran past the handler's timeout (see {@link Handler}). A plugin checks that it keeps that
 * contract by interrupting a call while it is under way and then calling again: the interrupted call may fail, the
 * next one must succeed.
 *
 * <p>Every wait here ends at a deadline ({@link #DEADLINE}), so a handler that hangs fails the test instead of
 * hanging it.
 */
public final class HandlerCall {

    /** How long any wait here lasts at most: only a broken handler or build ever waits this long. */
    public static final Duration DEADLINE = Polling.DEADLINE;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final FutureTask<Outcome> task;
    private final Thread thread;

    private HandlerCall(Handler handler, WebhookEvent event) {
        this.task = new FutureTask<>(() -> handler.handle(event));
        this.thread = new Thread(task, "hookyard-handler-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true); // a handler that never returns must not keep the test JVM alive
    }

    /** Starts {@code handler.handle(event)} on a new thread. */
    public static HandlerCall start(Handler handler, WebhookEvent event) {
        HandlerCall call = new HandlerCall(handler, event);
        call.thread.start();
        return call;
    }

    /** Calls {@code handler.handle(event)} on a new thread and waits for its outcome (or rethrows its failure). */
    public static Outcome call(Handler handler, WebhookEvent event) throws Exception {
        return start(handler, event).outcome();
    }

    /**
     * Waits until {@code underWay} holds (something the test can see of the call in progress: a request received, a
     * process started, a lock waited for), then interrupts the call.
     *
     * @param what describes {@code underWay}, for the failure message if it never holds
     * @return this call
     */
    public HandlerCall interruptWhen(String what, BooleanSupplier underWay) {
        Polling.until(what, () -> {
            if (task.isDone()) {
                throw new AssertionError("the call ended before " + what);
            }
            return underWay.getAsBoolean();
        });
        thread.interrupt();
        return this;
    }

    /** Interrupts the call's thread now, as the host does when the call runs past its timeout. */
    public void interrupt() {
        thread.interrupt();
    }

    /** Whether the call's thread waits (parked, sleeping or blocked on a monitor), e.g. for a lock another call holds. */
    public boolean isWaiting() {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED;
    }

    /** Whether the call has ended, by returning or throwing. */
    public boolean isDone() {
        return task.isDone();
    }

    /**
     * Waits for the call to end.
     *
     * @return what the handler returned
     * @throws Exception what the handler threw
     */
    public Outcome outcome() throws Exception {
        try {
            return task.get(DEADLINE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the call did not end within " + DEADLINE, e);
        } catch (InterruptedException e) {
            // The test's own thread, not the call's: never to be mistaken for what the handler threw.
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the call", e);
        }
    }

    /** Waits for the call to end, and returns what it threw; fails the test if it returned. */
    public Throwable failure() {
        Outcome outcome;
        try {
            outcome = outcome();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the call returned " + outcome + " instead of failing");
    }
}
