package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes each event to the topic its template names, and returns {@link Outcome#done()} only once the broker has
 * acknowledged the record ({@code acks=all}). Everything else (no broker reachable, no metadata for the topic within
 * the timeout, a refusal, no acknowledgement within the timeout) throws {@link PublishFailedException}, so the host
 * retries with backoff. An event whose topic name cannot be valid is dropped, with the reason.
 *
 * <p>Thread-safe: the producer is, and it is all that calls share (created by the first call, see
 * {@link LazyProducer}). A call the host interrupts (cancelled past its timeout) throws {@link InterruptedException}
 * from wherever it waits: in {@code send} for the topic's metadata, or for the acknowledgement. Neither wait belongs
 * to the producer's own network thread, so the producer stays usable for the next calls; the interrupted call's
 * record, if {@code send} took it, may still be written (the retry then writes it again, under the same key). The
 * plugin never calls {@code flush}: it waits for every record in the producer, not only the call's own, and Kafka
 * advises against using a producer whose flush was interrupted.
 */
final class KafkaPublishHandler implements Handler {

    /**
     * How much longer than the delivery timeout a call waits for the acknowledgement: the producer itself fails the
     * record at its delivery timeout, so this only bounds a call should it not.
     */
    private static final Duration ACKNOWLEDGEMENT_MARGIN = Duration.ofSeconds(5);

    private final TopicTemplate topic;
    private final Duration timeout;
    private final LazyProducer producer;
    private final System.Logger logger;

    KafkaPublishHandler(PublishSettings settings, LazyProducer producer, System.Logger logger) {
        this.topic = settings.topic();
        this.timeout = settings.timeout();
        this.producer = producer;
        this.logger = logger;
    }

    @Override
    public Outcome handle(WebhookEvent event) throws PublishFailedException, InterruptedException {
        ExpandedTopic expanded = topic.expand(event);
        if (expanded instanceof ExpandedTopic.Valid valid) {
            return publish(event, valid.name());
        }
        return Outcome.drop(((ExpandedTopic.Unusable) expanded).reason());
    }

    private Outcome publish(WebhookEvent event, String topicName) throws PublishFailedException, InterruptedException {
        Future<RecordMetadata> acknowledgement;
        try {
            acknowledgement = producer.get().send(EventRecord.of(event, topicName));
        } catch (InterruptException e) {
            throw interrupted(e);
        } catch (KafkaException e) {
            throw PublishFailedException.because("publishing to " + topicName + " failed", e);
        }
        RecordMetadata written;
        try {
            written = acknowledgement.get(timeout.plus(ACKNOWLEDGEMENT_MARGIN).toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw PublishFailedException.because("publishing to " + topicName + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("publishing to " + topicName + ": no acknowledgement within "
                    + timeout.plus(ACKNOWLEDGEMENT_MARGIN).toSeconds() + "s", e);
        }
        logger.log(System.Logger.Level.DEBUG, () -> "published " + event.vendor() + " " + event.type() + " ("
                + event.deliveryKey() + ") to " + written.topic() + "-" + written.partition() + "@"
                + written.offset());
        return Outcome.done();
    }

    /**
     * Closes the producer at once, abandoning records still in flight. The host closes a handler only once every call
     * has returned or been given up on; a given-up call's outcome is ignored and its event runs again, so a record
     * still in flight belongs to no call, and waiting for it (up to the delivery timeout) would only delay the stop.
     */
    @Override
    public void close() {
        producer.close();
    }

    /** Kafka's unchecked {@link InterruptException} as the {@link InterruptedException} the host's contract names. */
    private static InterruptedException interrupted(InterruptException e) {
        InterruptedException interrupted = new InterruptedException("interrupted while publishing");
        interrupted.initCause(e);
        return interrupted;
    }
}
