package dev.hookyard.server.dispatch;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A test plugin with handler type {@code channel-archive}: appends each event's delivery key as a line to
 * {@code archive.txt} in the home directory, through one cached NIO {@link FileChannel} shared by all calls, which
 * is exactly what an interrupt breaks. It keeps the contract of {@link Handler} the way a plugin that wants its channel
 * may: it waits for the file interruptibly, and reopens the channel when an interrupt has closed it.
 *
 * <p>Its first call can be made to stall once it holds the file, ignoring interrupts meanwhile, as a thread stopped
 * mid-call (the JVM paused) would: the interrupt that arrives stays pending and closes the channel when the call goes
 * on to write.
 */
final class ReopeningChannelArchive implements HookyardPlugin {

    static final String TYPE = "channel-archive";
    /** The archive file, in the home directory. */
    static final String FILE = "archive.txt";

    private final CountDownLatch stallReleased = new CountDownLatch(1);
    private final AtomicBoolean stallNext = new AtomicBoolean();
    private final AtomicBoolean interruptedWhileStalled = new AtomicBoolean();
    private final AtomicInteger opened = new AtomicInteger();

    /** Makes the next call stall inside the file's lock until {@link #releaseStall()}. */
    void stallNextCall() {
        stallNext.set(true);
    }

    void releaseStall() {
        stallReleased.countDown();
    }

    /** Whether the stalled call's thread was interrupted (by the host, on its timeout). */
    boolean interruptedWhileStalled() {
        return interruptedWhileStalled.get();
    }

    /** How many times the channel was opened: once, plus once per interrupt that closed it. */
    int timesOpened() {
        return opened.get();
    }

    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new HandlerFactory() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public String description() {
                return "archives delivery keys through one cached FileChannel, for tests";
            }

            @Override
            public Handler create(HandlerContext context) {
                return new Archive(context.homeDirectory().resolve(FILE));
            }
        });
    }

    private final class Archive implements Handler {
        private final Path file;
        private final ReentrantLock lock = new ReentrantLock();
        private FileChannel channel; // guarded by lock

        Archive(Path file) {
            this.file = file;
        }

        @Override
        public Outcome handle(WebhookEvent event) throws IOException, InterruptedException {
            lock.lockInterruptibly();
            try {
                if (stallNext.compareAndSet(true, false)) {
                    stall();
                }
                if (channel == null || !channel.isOpen()) {
                    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                    opened.incrementAndGet();
                }
                channel.write(ByteBuffer.wrap((event.deliveryKey() + "\n").getBytes(StandardCharsets.UTF_8)));
                return Outcome.done();
            } finally {
                lock.unlock();
            }
        }

        private void stall() {
            while (stallReleased.getCount() > 0) {
                try {
                    stallReleased.await();
                } catch (InterruptedException e) {
                    interruptedWhileStalled.set(true);
                }
            }
            if (interruptedWhileStalled.get()) {
                Thread.currentThread().interrupt(); // still pending when the call goes on, as after a real stall
            }
        }

        @Override
        public void close() throws IOException {
            lock.lock();
            try {
                if (channel != null) {
                    channel.close();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
