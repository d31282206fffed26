package dev.hookyard.plugin.kafkapublish;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;

import java.util.HashMap;
import java.util.Map;

/** The Kafka producer configuration for one handler's settings. */
final class ProducerProperties {

    /** How long the producer waits to fill a batch; part of the delivery timeout (Kafka's default since 4.0). */
    static final int LINGER_MS = 5;

    private ProducerProperties() {
    }

    /**
     * The producer configuration.
     *
     * <ul>
     *   <li>{@code enable.idempotence} and {@code acks=all}: a record counts as written once every in-sync replica has
     *       it, and the producer's own resends (after a lost answer) never write it twice.</li>
     *   <li>{@code max.block.ms}: how long {@code send} waits for the topic's metadata (a broker that is down, a topic
     *       that does not exist); {@code delivery.timeout.ms}: how long the producer tries to get a record
     *       acknowledged. Both are the handler's {@code timeoutSeconds}, so an unreachable broker fails the call
     *       rather than holding it until the host cancels it.</li>
     * </ul>
     *
     * @param clientId the producer's {@code client.id}, shown in the broker's logs and quotas
     */
    static Map<String, Object> of(PublishSettings settings, String clientId) {
        int timeoutMs = Math.toIntExact(settings.timeout().toMillis());
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers().joined());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs - LINGER_MS);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, settings.securityProtocol());
        settings.sasl().ifPresent(login -> {
            config.put(SaslConfigs.SASL_MECHANISM, login.mechanism());
            config.put(SaslConfigs.SASL_JAAS_CONFIG, login.jaasConfig());
        });
        return config;
    }
}
