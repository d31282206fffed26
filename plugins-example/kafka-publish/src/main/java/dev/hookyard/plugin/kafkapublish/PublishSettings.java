package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Secret;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One handler's checked options.
 *
 * @param bootstrapServers the brokers to connect to first
 * @param topic            the topic template
 * @param timeout          how long a call waits for the topic's metadata, and again for the acknowledgement
 * @param securityProtocol Kafka's {@code security.protocol}
 * @param sasl             the SASL login, with a {@code SASL_*} protocol only
 */
record PublishSettings(BootstrapServers bootstrapServers, TopicTemplate topic, Duration timeout,
                       String securityProtocol, Optional<SaslLogin> sasl) {

    static final String BOOTSTRAP_SERVERS = "bootstrapServers";
    static final String TOPIC = "topic";
    static final String TIMEOUT_SECONDS = "timeoutSeconds";
    static final String SECURITY_PROTOCOL = "securityProtocol";
    static final String SASL_MECHANISM = "saslMechanism";
    static final String SASL_USERNAME = "saslUsername";
    static final String SASL_PASSWORD = "saslPassword";

    static final long DEFAULT_TIMEOUT_SECONDS = 10;
    static final List<String> SECURITY_PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    static final String DEFAULT_SECURITY_PROTOCOL = "PLAINTEXT";
    static final String DEFAULT_SASL_MECHANISM = "PLAIN";

    /** Reads and checks the options; every problem is an {@link InvalidOptionException} naming the key. */
    static PublishSettings from(Options options) {
        BootstrapServers servers = BootstrapServers.parse(BOOTSTRAP_SERVERS, options.stringList(BOOTSTRAP_SERVERS));
        TopicTemplate topic = TopicTemplate.parse(TOPIC, options.requiredString(TOPIC));
        Duration timeout = Duration.ofSeconds(options.longValue(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, 1, 300));
        String protocol = options.oneOf(SECURITY_PROTOCOL, SECURITY_PROTOCOLS, DEFAULT_SECURITY_PROTOCOL);
        return new PublishSettings(servers, topic, timeout, protocol, sasl(options, protocol));
    }

    private static Optional<SaslLogin> sasl(Options options, String protocol) {
        if (!protocol.startsWith("SASL_")) {
            for (String key : List.of(SASL_MECHANISM, SASL_USERNAME, SASL_PASSWORD)) {
                if (options.has(key)) {
                    throw new InvalidOptionException(key, "has no effect with " + SECURITY_PROTOCOL + " " + protocol,
                            "set " + SECURITY_PROTOCOL + " to SASL_SSL (or SASL_PLAINTEXT), or remove " + key);
                }
            }
            return Optional.empty();
        }
        String mechanism = options.oneOf(SASL_MECHANISM, SaslLogin.MECHANISMS, DEFAULT_SASL_MECHANISM);
        String username = options.requiredString(SASL_USERNAME);
        // Typically an ${env:...} reference to an unset variable: say so rather than log in without a password.
        String password = options.string(SASL_PASSWORD).filter(value -> !value.isEmpty()).orElseThrow(() ->
                new InvalidOptionException(SASL_PASSWORD, "is required with " + SECURITY_PROTOCOL + " " + protocol,
                        "add " + SASL_PASSWORD + ": \"${env:KAFKA_PASSWORD}\""));
        return Optional.of(new SaslLogin(mechanism, username, Secret.of(password)));
    }
}
