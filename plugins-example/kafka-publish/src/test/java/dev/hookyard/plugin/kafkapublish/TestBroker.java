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
 * Real Kafka brokers in the test JVM, from Apache Kafka's own test kit: node 0 is broker and KRaft controller at once,
 * any further node a broker only, on free loopback ports with their logs in a temporary directory that is deleted on
 * close. Topics are never created by a producer's request ({@code auto.create.topics.enable=false}): a test creates
 * the ones it publishes to.
 */
final class TestBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = cluster.admin();
    }

    /** Formats and starts the brokers, and returns once they accept clients. */
    static TestBroker start(int brokers) throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(brokers)
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

    /** Creates a topic with one partition on node 0 (the controller, never stopped), and waits until it exists. */
    void createTopic(String name) throws Exception {
        createTopicOn(0, name);
    }

    /** Creates a topic with one partition whose only replica is on this broker node. */
    void createTopicOn(int node, String name) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, Map.of(0, List.of(node))))).all().get();
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

    /** Stops a broker, as one that crashed or was taken down: its partitions have no leader from then on. */
    void stopBroker(int node) {
        cluster.brokers().get(node).shutdown();
        cluster.brokers().get(node).awaitShutdown();
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
