package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broker that is down, or never was up, is a failure to retry after the timeout, never done. */
@ExtendWith(SharedBroker.class)
class BrokerDownTest {

    @Test
    void noBrokerListeningIsAFailureToRetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (Handler handler = new KafkaPublishHandlerFactory().create(TestEvents.context("nothing-listens", Map.of(
                "bootstrapServers", "127.0.0.1:" + closedPort, "topic", "hookyard.events", "timeoutSeconds", 1)))) {
            PublishFailedException e = assertThrows(PublishFailedException.class,
                    () -> handler.handle(TestEvents.event("crm", "record.created", "k")));
            assertInstanceOf(TimeoutException.class, e.getCause(), e.toString());
        }
    }

    @Test
    void aBrokerNameThatDoesNotResolveIsAFailureToRetryAtEachCall() throws Exception {
        try (Handler handler = new KafkaPublishHandlerFactory().create(TestEvents.context("unresolved", Map.of(
                "bootstrapServers", "broker.invalid:9092", "topic", "hookyard.events", "timeoutSeconds", 1)))) {
            for (String key : List.of("k1", "k2")) {
                PublishFailedException e = assertThrows(PublishFailedException.class,
                        () -> handler.handle(TestEvents.event("crm", "record.created", key)));
                assertInstanceOf(ConfigException.class, e.getCause(), e.toString());
                assertEquals("cannot create the Kafka producer: ConfigException: No resolvable bootstrap urls given"
                        + " in bootstrap.servers", e.getMessage());
            }
        }
    }

    @Test
    void theBrokerOfTheTopicBeingDownIsAFailureToRetryWhileOtherBrokersStillTakeEvents(OneBrokerDown cluster)
            throws Exception {
        try (Handler handler = KafkaPublishHandlerTest.handler(cluster.brokers(), "one-down", "{type}", 1)) {
            PublishFailedException e = assertThrows(PublishFailedException.class,
                    () -> handler.handle(TestEvents.event("crm", OneBrokerDown.DOWN_TOPIC, "k1")));
            assertInstanceOf(TimeoutException.class, e.getCause(), e.toString());
            assertTrue(e.getMessage().startsWith("publishing to " + OneBrokerDown.DOWN_TOPIC + " failed: "),
                    e.getMessage());

            assertSame(Outcome.done(), handler.handle(TestEvents.event("crm", OneBrokerDown.LIVE_TOPIC, "k2")));
        }
    }
}
