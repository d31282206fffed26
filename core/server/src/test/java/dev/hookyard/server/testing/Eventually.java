package dev.hookyard.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for asynchronous work by polling a condition until a deadline; never a fixed sleep. */
public final class Eventually {

    /** Generous: only a broken build ever waits this long. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private Eventually() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code message} once {@code timeout} has passed. */
    public static void await(Duration timeout, BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + timeout + ": " + message.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    public static void await(BooleanSupplier condition, Supplier<String> message) {
        await(DEFAULT, condition, message);
    }
}
