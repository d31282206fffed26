package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.testkit.Polling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real Kafka broker in the test JVM: one KRaft node that is broker and controller at once, from Apache Kafka's own
 * test kit, on free loopback ports with its logs in a temporary directory that is deleted on close. Topics are never
 * created by a producer's request ({@code auto.create.topics.enable=false}): a test creates the ones it publishes to.
 */
final class TestBroker implements AutoCloseable {

    private static final int NODE = 0;

    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = cluster.admin();
    }

    /** Formats and starts a broker, and returns once it accepts clients. */
    static TestBroker start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setDeleteOnClose(true)
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestBroker(cluster);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The {@code host:port} clients connect to. */
    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates a topic with one partition and the given topic configuration, and waits until it exists. */
    void createTopic(String name, Map<String, String> config) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(config))).all().get();
    }

    /** Creates a topic with one partition. */
    void createTopic(String name) throws Exception {
        createTopic(name, Map.of());
    }

    /** Reads the topic from its start until it has {@code count} records; fails the test if they do not come. */
    List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Polling.until(count + " records in " + topic, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }

    /** The topics that exist. */
    Set<String> topics() throws Exception {
        return admin.listTopics().names().get().stream().collect(Collectors.toSet());
    }

    /** Stops the broker (the controller keeps running), as a broker that crashed or was taken down. */
    void stopBroker() {
        cluster.brokers().get(NODE).shutdown();
        cluster.brokers().get(NODE).awaitShutdown();
    }

    @Override
    public void close() throws Exception {
        try {
            admin.close();
        } finally {
            cluster.close();
        }
    }
}
