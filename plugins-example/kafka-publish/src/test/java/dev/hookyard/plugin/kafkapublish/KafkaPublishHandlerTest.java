package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler against a real broker: what it writes, where, and what it answers when it cannot. */
@ExtendWith(SharedBroker.class)
class KafkaPublishHandlerTest {

    @Test
    void anAcknowledgedEventIsARecordWithTheBodyTheDeliveryKeyAndTheMetadata(TestBroker broker) throws Exception {
        broker.createTopic("hookyard.crm.record.created");
        String body = "{\"event\":\"record.created\",\"record_id\":42}";
        try (Handler handler = handler(broker, "publish-record", "hookyard.{endpoint}.{type}")) {
            Outcome outcome = handler.handle(TestEvents.event("crm", "record.created", "key-42", body,
                    Map.of("Content-Type", "application/json")));
            assertSame(Outcome.done(), outcome);
        }

        ConsumerRecord<byte[], byte[]> record = broker.consume("hookyard.crm.record.created", 1).get(0);
        assertEquals("key-42", utf8(record.key()));
        assertEquals(body, utf8(record.value()));
        assertEquals(Map.of(
                "hookyard-endpoint", "crm",
                "hookyard-vendor", "least",
                "hookyard-type", "record.created",
                "hookyard-delivery-key", "key-42",
                "hookyard-received-at", "2024-05-01T11:59:30Z",
                "content-type", "application/json"), headers(record));
    }

    @Test
    void eachEventGoesToTheTopicItsValuesNameWithTheCharactersKafkaRefusesReplaced(TestBroker broker)
            throws Exception {
        broker.createTopic("events.order_paid");
        broker.createTopic("events.user.created");
        try (Handler handler = handler(broker, "publish-by-type", "events.{type}")) {
            assertSame(Outcome.done(), handler.handle(TestEvents.event("shop", "order/paid", "k1")));
            assertSame(Outcome.done(), handler.handle(TestEvents.event("shop", "user.created", "k2")));
            assertSame(Outcome.done(), handler.handle(TestEvents.event("shop", "order paid", "k3")));
        }
        List<ConsumerRecord<byte[], byte[]>> paid = broker.consume("events.order_paid", 2);
        assertEquals(List.of("k1", "k3"), paid.stream().map(r -> utf8(r.key())).toList());
        assertEquals(List.of("order/paid", "order paid"), paid.stream()
                .map(r -> headers(r).get("hookyard-type")).toList(), "the header keeps the type as it was");
        assertEquals("k2", utf8(broker.consume("events.user.created", 1).get(0).key()));
    }

    @Test
    void aRepeatedEventIsWrittenAgainUnderTheSameKey(TestBroker broker) throws Exception {
        broker.createTopic("hookyard.repeats");
        try (Handler handler = handler(broker, "publish-repeats", "hookyard.repeats")) {
            assertSame(Outcome.done(), handler.handle(TestEvents.event("crm", "record.created", "same-key")));
            assertSame(Outcome.done(), handler.handle(TestEvents.event("crm", "record.created", "same-key")));
        }
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume("hookyard.repeats", 2);
        assertEquals(List.of("same-key", "same-key"), records.stream().map(r -> utf8(r.key())).toList());
        assertEquals(records.get(0).partition(), records.get(1).partition());
    }

    @Test
    void aTopicThatDoesNotExistIsAFailureToRetryAfterTheTimeout(TestBroker broker) throws Exception {
        try (Handler handler = handler(broker, "publish-missing", "hookyard.{type}", 1)) {
            PublishFailedException e = assertThrows(PublishFailedException.class,
                    () -> handler.handle(TestEvents.event("crm", "never.created", "k")));
            assertInstanceOf(TimeoutException.class, e.getCause(), e.toString());
            assertTrue(e.getMessage().startsWith("publishing to hookyard.never.created failed"), e.getMessage());
        }
        assertFalse(broker.topics().contains("hookyard.never.created"));
    }

    @Test
    void anEventWhoseTopicNameWouldBeTooLongIsDroppedWithTheReason(TestBroker broker) throws Exception {
        try (Handler handler = handler(broker, "publish-long", "hookyard.{type}")) {
            Outcome outcome = handler.handle(TestEvents.event("crm", "t".repeat(300), "k"));
            Outcome.Drop drop = assertInstanceOf(Outcome.Drop.class, outcome);
            assertEquals("the topic name this event expands to is 309 characters long, more than Kafka's 249",
                    drop.reason());
        }
    }

    private static Handler handler(TestBroker broker, String name, String topic) {
        return handler(broker, name, topic, 30);
    }

    static Handler handler(TestBroker broker, String name, String topic, int timeoutSeconds) {
        return new KafkaPublishHandlerFactory().create(TestEvents.context(name, Map.of(
                "bootstrapServers", broker.bootstrapServers(), "topic", topic, "timeoutSeconds", timeoutSeconds)));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), utf8(header.value()));
        }
        return headers;
    }
}
