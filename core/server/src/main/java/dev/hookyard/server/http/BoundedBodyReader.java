package dev.hookyard.server.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without blocking, stopping as soon as it exceeds the limit. The limit is checked on the
 * bytes actually received, so a chunked body with no Content-Length cannot grow past it either.
 */
final class BoundedBodyReader implements Runnable {

    /** Where the read ends up; exactly one method is called, once. */
    interface Outcome {
        void body(byte[] body);

        void tooLarge();

        void failed(Throwable failure);
    }

    private final Content.Source source;
    private final int limit;
    private final Outcome outcome;
    private byte[] buffer;
    private int size;

    private BoundedBodyReader(Content.Source source, int limit, int expected, Outcome outcome) {
        this.source = source;
        this.limit = limit;
        this.outcome = outcome;
        this.buffer = new byte[Math.max(0, Math.min(expected, limit))];
    }

    /**
     * Starts reading; {@code expected} is the declared length when known (to size the buffer once), else -1.
     */
    static void read(Content.Source source, int limit, long expected, Outcome outcome) {
        new BoundedBodyReader(source, limit, expected < 0 ? 1024 : (int) Math.min(expected, limit), outcome).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                outcome.failed(chunk.getFailure());
                return;
            }
            try {
                ByteBuffer bytes = chunk.getByteBuffer();
                int remaining = bytes.remaining();
                if (remaining > limit - size) {
                    outcome.tooLarge();
                    return;
                }
                if (size + remaining > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(size + remaining, buffer.length * 2)));
                }
                bytes.get(buffer, size, remaining);
                size += remaining;
            } finally {
                chunk.release();
            }
            if (chunk.isLast()) {
                outcome.body(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
                return;
            }
        }
    }
}
