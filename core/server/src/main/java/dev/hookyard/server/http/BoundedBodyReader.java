package dev.hookyard.server.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without blocking, stopping as soon as it exceeds the limit or the time allowed for it. The
 * limit is checked on the bytes actually received, so a chunked body with no Content-Length cannot grow past it
 * either; the deadline counts from the start of the read however steadily bytes trickle in, so a slow sender cannot
 * hold a connection and a buffer by sending one byte at a time. The buffer grows with the bytes received, not with the
 * length declared: a sender that declares the largest body and then sends a byte holds a 64 KiB buffer at most.
 */
final class BoundedBodyReader implements Runnable {

    /**
     * The largest buffer allocated before its bytes arrive: whole bodies of webhook size (most are a few KiB) fit in
     * one allocation, and a larger body doubles it as it arrives, up to its declared length.
     */
    private static final int FIRST_BUFFER = 64 * 1024;

    /** Where the read ends up; exactly one method is called, once. */
    interface Outcome {
        void body(byte[] body);

        void tooLarge();

        /** The whole body did not arrive within the deadline; nothing more is read. */
        void timedOut();

        /** The connection was idle for the idle timeout mid-body. */
        void idle();

        void failed(Throwable failure);
    }

    private enum End { BODY, TOO_LARGE, IDLE, FAILED }

    private final Content.Source source;
    private final int limit;
    /** The most the buffer needs: the declared length when known (and within the limit), else the limit. */
    private final int capacity;
    private final Outcome outcome;
    private final Scheduler scheduler;
    private final long deadlineNanos;
    /** Guards {@link #finished} and reads: once finished, the source is never read again by this reader. */
    private final Object lock = new Object();
    private boolean finished;
    private Scheduler.Task deadline;
    private byte[] buffer;
    private int size;

    private BoundedBodyReader(Content.Source source, int limit, int expected, Outcome outcome, Scheduler scheduler,
                              Duration timeout) {
        this.source = source;
        this.limit = limit;
        this.capacity = expected < 0 ? limit : Math.min(expected, limit);
        this.outcome = outcome;
        this.scheduler = scheduler;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.buffer = new byte[expected < 0 ? Math.min(1024, limit) : Math.min(capacity, FIRST_BUFFER)];
    }

    /**
     * Starts reading; {@code expected} is the declared length when known (to size the buffer), else -1. The
     * deadline is scheduled on {@code scheduler} the first time the body is not all there yet (most bodies arrive
     * with their headers, and need no timer); when it passes first, {@link Outcome#timedOut()} is called from the
     * scheduler's thread.
     */
    static void read(Content.Source source, int limit, long expected, Scheduler scheduler, Duration timeout,
                     Outcome outcome) {
        new BoundedBodyReader(source, limit, expected < 0 ? -1 : (int) Math.min(expected, limit), outcome, scheduler,
                timeout).run();
    }

    private void expire() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
        }
        outcome.timedOut();
    }

    @Override
    public void run() {
        End end;
        Throwable failure = null;
        synchronized (lock) {
            end = null;
            while (end == null) {
                if (finished) {
                    return;
                }
                Content.Chunk chunk = source.read();
                if (chunk == null) {
                    if (deadline == null) {
                        deadline = scheduler.schedule(this::expire,
                                Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                    }
                    source.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failure = chunk.getFailure();
                    end = failure instanceof TimeoutException ? End.IDLE : End.FAILED;
                    break;
                }
                try {
                    ByteBuffer bytes = chunk.getByteBuffer();
                    int remaining = bytes.remaining();
                    if (remaining > limit - size) {
                        end = End.TOO_LARGE;
                        break;
                    }
                    if (size + remaining > buffer.length) {
                        buffer = Arrays.copyOf(buffer,
                                Math.max(size + remaining, (int) Math.min(capacity, buffer.length * 2L)));
                    }
                    bytes.get(buffer, size, remaining);
                    size += remaining;
                } finally {
                    chunk.release();
                }
                if (chunk.isLast()) {
                    end = End.BODY;
                }
            }
            finished = true;
            if (deadline != null) {
                deadline.cancel();
            }
        }
        switch (end) {
            case BODY -> outcome.body(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
            case TOO_LARGE -> outcome.tooLarge();
            case IDLE -> outcome.idle();
            default -> outcome.failed(failure);
        }
    }
}
