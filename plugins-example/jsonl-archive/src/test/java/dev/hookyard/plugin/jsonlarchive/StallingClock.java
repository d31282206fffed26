package dev.hookyard.plugin.jsonlarchive;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A UTC clock whose next read can be made to stall until the test releases it, as a thread stopped mid-call
 * would (the JVM paused, a slow disk). The archive reads the clock while it holds its directory's lock, so a stalled
 * read is a call stalled inside its append, lock held. The stall ignores interrupts, as a stopped thread does: an
 * interrupt that arrives meanwhile stays pending for the code after it.
 */
final class StallingClock extends SettableClock {

    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean stalled;

    StallingClock(Instant start) {
        super(start);
    }

    /** Makes the next read stall until {@link #release()}. */
    void stallNextRead() {
        armed.set(true);
    }

    /** Whether a read is stalled now. */
    boolean isStalled() {
        return stalled;
    }

    void release() {
        released.countDown();
    }

    @Override
    public Instant instant() {
        if (armed.compareAndSet(true, false)) {
            stalled = true;
            boolean interrupted = false;
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            stalled = false;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return super.instant();
    }
}
