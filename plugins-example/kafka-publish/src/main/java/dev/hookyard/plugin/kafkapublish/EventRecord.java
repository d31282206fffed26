package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.WebhookEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka record for one event: the raw body as the value, the delivery key as the key (so every attempt at one
 * event lands in the same partition, and a consumer can drop repeats), and the event's metadata as headers.
 */
final class EventRecord {

    static final String ENDPOINT_HEADER = "hookyard-endpoint";
    static final String VENDOR_HEADER = "hookyard-vendor";
    static final String TYPE_HEADER = "hookyard-type";
    static final String DELIVERY_KEY_HEADER = "hookyard-delivery-key";
    static final String RECEIVED_AT_HEADER = "hookyard-received-at";
    /** The delivery's own {@code Content-Type}, when it had one: the value is its body, byte for byte. */
    static final String CONTENT_TYPE_HEADER = "content-type";

    private EventRecord() {
    }

    /** The record to publish to {@code topic}; the partition is chosen from the key. */
    static ProducerRecord<byte[], byte[]> of(WebhookEvent event, String topic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ENDPOINT_HEADER, utf8(event.delivery().endpoint()));
        headers.add(VENDOR_HEADER, utf8(event.vendor()));
        headers.add(TYPE_HEADER, utf8(event.type()));
        headers.add(DELIVERY_KEY_HEADER, utf8(event.deliveryKey()));
        headers.add(RECEIVED_AT_HEADER, utf8(event.delivery().receivedAt().toString()));
        event.delivery().headers().first("Content-Type")
                .ifPresent(contentType -> headers.add(CONTENT_TYPE_HEADER, utf8(contentType)));
        return new ProducerRecord<>(topic, null, utf8(event.deliveryKey()), event.delivery().body(), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
