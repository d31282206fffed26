package dev.hookyard.plugin.kafkapublish;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A handler's producer, created by the first call that needs it rather than when the handler is built. The Kafka
 * client resolves the bootstrap servers' names when it is created and refuses to be created when none resolves: a
 * broker that is unreachable at startup (its DNS name not yet known) must fail calls, which are retried, and never
 * stop Hookyard from receiving webhooks. It also keeps {@code hookyard check} from connecting to the brokers.
 */
final class LazyProducer implements AutoCloseable {

    private final Supplier<Producer<byte[], byte[]>> create;
    /** Interruptible, unlike a monitor: a cancelled call does not wait out another call's creation first. */
    private final ReentrantLock lock = new ReentrantLock();
    private Producer<byte[], byte[]> producer;
    private boolean closed;

    LazyProducer(Supplier<Producer<byte[], byte[]>> create) {
        this.create = create;
    }

    /**
     * The producer, created now if no call created it yet.
     *
     * @throws PublishFailedException if the Kafka client refuses to be created (no bootstrap server name resolves);
     *                                the next call tries again
     */
    Producer<byte[], byte[]> get() throws InterruptedException, PublishFailedException {
        lock.lockInterruptibly();
        try {
            if (closed) {
                throw new IllegalStateException("the handler is closed");
            }
            if (producer == null) {
                try {
                    producer = createInPluginClassLoader();
                } catch (KafkaException e) {
                    throw PublishFailedException.because("cannot create the Kafka producer",
                            e.getCause() == null ? e : e.getCause());
                }
            }
            return producer;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Kafka loads classes by name through the thread's context class loader (its metric reporter, SASL login
     * modules), and its network thread inherits that loader from the thread that creates the producer: make it the
     * plugin's own, whatever thread the host calls on.
     */
    private Producer<byte[], byte[]> createInPluginClassLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LazyProducer.class.getClassLoader());
        try {
            return create.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Closes the producer at once, if there is one; records still in flight are abandoned. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
        } finally {
            lock.unlock();
        }
    }
}
