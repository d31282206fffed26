package dev.hookyard.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for asynchronous work by polling a condition until a deadline; never a fixed sleep. */
public final class Polling {

    /** The deadline of {@link #until(String, BooleanSupplier)}: only a broken plugin or build ever waits this long. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Polling() {
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} after {@link #DEADLINE}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEADLINE, condition);
    }

    /** Returns as soon as {@code condition} holds; fails naming {@code what} once {@code deadline} has passed. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
