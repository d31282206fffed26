package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.testkit.HandlerCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.AttributeNotFoundException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;

import static dev.hookyard.plugin.kafkapublish.KafkaPublishHandlerTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The host interrupts a call that ran past the handler's timeout (the contract of {@link Handler}). A publishing call
 * waits in two places, and an interrupt in either gives up that call only: the handler's producer, shared by all
 * calls, still publishes the next event.
 */
@ExtendWith(SharedBroker.class)
class InterruptedPublishTest {

    /** Far longer than the test: only the interrupt ends the calls that wait. */
    private static final int TIMEOUT_SECONDS = 120;

    @Test
    void aCallInterruptedWhileWaitingForTheTopicsMetadataLeavesTheProducerUsable(TestBroker broker) throws Exception {
        broker.createTopic("interrupted.metadata.ok");
        try (Handler handler = KafkaPublishHandlerTest.handler(broker, "interrupt-metadata",
                "interrupted.metadata.{type}", TIMEOUT_SECONDS)) {
            // No such topic, and the broker creates none: send() waits for its metadata until the timeout.
            HandlerCall stuck = HandlerCall.start(handler, TestEvents.event("crm", "missing", "stuck"));
            stuck.interruptWhen("the call waits for the topic's metadata", stuck::isWaiting);
            assertInstanceOf(InterruptedException.class, stuck.failure());

            assertSame(Outcome.done(), HandlerCall.call(handler, TestEvents.event("crm", "ok", "next")));
        }
        assertEquals("next", utf8(broker.consume("interrupted.metadata.ok", 1).get(0).key()));
    }

    @Test
    void aCallInterruptedWhileWaitingForTheAcknowledgementLeavesTheProducerUsable(OneBrokerDown cluster)
            throws Exception {
        try (Handler handler = KafkaPublishHandlerTest.handler(cluster.brokers(), "interrupt-ack", "{type}",
                TIMEOUT_SECONDS)) {
            // Its partition's broker is down: send() takes the record, whose acknowledgement cannot come.
            HandlerCall stuck = HandlerCall.start(handler, TestEvents.event("crm", OneBrokerDown.DOWN_TOPIC, "stuck"))
                    .interruptWhen("the producer holds the call's record",
                            () -> bufferedBytes("hookyard-interrupt-ack") > 0);
            assertInstanceOf(InterruptedException.class, stuck.failure());

            assertSame(Outcome.done(), HandlerCall.call(handler, TestEvents.event("crm", OneBrokerDown.LIVE_TOPIC,
                    "next")));
        }
        assertEquals(List.of("next"), cluster.brokers().consume(OneBrokerDown.LIVE_TOPIC, 1).stream()
                .map(record -> utf8(record.key())).toList());
    }

    /**
     * The memory the producer with this client.id holds for records not yet acknowledged, from its JMX metrics: more
     * than none once {@code send} has taken a record, so the call then waits for its acknowledgement. None before the
     * first call has created the producer (whose metrics appear one by one while it is created).
     */
    private static double bufferedBytes(String clientId) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName metrics = new ObjectName("kafka.producer:type=producer-metrics,client-id=" + clientId);
            return ((Number) server.getAttribute(metrics, "buffer-total-bytes")).doubleValue()
                    - ((Number) server.getAttribute(metrics, "buffer-available-bytes")).doubleValue();
        } catch (InstanceNotFoundException | AttributeNotFoundException e) {
            return 0;
        } catch (JMException e) {
            throw new AssertionError("the producer's metrics are not registered", e);
        }
    }
}
