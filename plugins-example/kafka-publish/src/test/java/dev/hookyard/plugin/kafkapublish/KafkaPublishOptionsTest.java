package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory's options: what is accepted, and a key-naming error for everything else. No broker needed. */
class KafkaPublishOptionsTest {

    private static final Map<String, Object> MINIMAL = Map.of(
            "bootstrapServers", "broker1.example.com:9092", "topic", "hookyard.{endpoint}");

    @Test
    void thePluginIsFoundByTheServiceLoader() {
        List<String> types = ServiceLoader.load(HookyardPlugin.class).stream()
                .flatMap(provider -> provider.get().handlers().stream())
                .map(factory -> factory.type())
                .toList();
        assertTrue(types.contains("kafka-publish"), types.toString());
    }

    @Test
    void onlyThePasswordIsSecretAndOnlyTheServersAndTopicAreRequired() {
        Map<String, String> flags = new KafkaPublishHandlerFactory().options().stream()
                .collect(Collectors.toMap(OptionSpec::name, o -> (o.required() ? "required" : "optional")
                        + (o.secret() ? " secret" : "")));
        assertEquals(Map.of("bootstrapServers", "required", "topic", "required", "timeoutSeconds", "optional",
                "securityProtocol", "optional", "saslMechanism", "optional", "saslUsername", "optional",
                "saslPassword", "optional secret"), flags);
    }

    @Test
    void bootstrapServersMayBeAListOrOneCommaSeparatedString() {
        assertEquals(List.of("a.example.com:9092", "10.0.0.2:9093", "[::1]:9094"),
                settings(with("bootstrapServers", List.of("a.example.com:9092", "10.0.0.2:9093", "[::1]:9094")))
                        .bootstrapServers().addresses());
        assertEquals(List.of("a:9092", "b:9092"),
                settings(with("bootstrapServers", "a:9092, b:9092")).bootstrapServers().addresses());
    }

    @Test
    void bootstrapServersAreRequiredAndEachMustBeHostAndPort() {
        assertProblem(Map.of("topic", "t"), "bootstrapServers", "is required");
        assertProblem(with("bootstrapServers", ""), "bootstrapServers", "is required");
        assertProblem(with("bootstrapServers", List.of()), "bootstrapServers", "is required");
        assertProblem(with("bootstrapServers", "broker1.example.com"), "bootstrapServers",
                "has an entry that is not host:port");
        assertProblem(with("bootstrapServers", "kafka://broker1:9092"), "bootstrapServers",
                "has an entry that is not host:port");
        assertProblem(with("bootstrapServers", "broker1:9092 broker2:9092"), "bootstrapServers",
                "has an entry that is not host:port");
        assertProblem(with("bootstrapServers", "broker1:70000"), "bootstrapServers", "has a port outside 1-65535");
        assertProblem(with("bootstrapServers", "broker1:0"), "bootstrapServers", "has a port outside 1-65535");
    }

    @Test
    void theTopicIsRequiredAndCheckedAsATemplate() {
        assertProblem(Map.of("bootstrapServers", "b:9092"), "topic", "is required");
        assertProblem(with("topic", "hookyard.{event}"), "topic", "uses the unknown placeholder {event}");
    }

    @Test
    void theTimeoutIsBounded() {
        assertEquals(10, settings(MINIMAL).timeout().toSeconds());
        assertEquals(1, settings(with("timeoutSeconds", 1)).timeout().toSeconds());
        assertProblem(with("timeoutSeconds", 0), "timeoutSeconds", "must be between 1 and 300");
        assertProblem(with("timeoutSeconds", 301), "timeoutSeconds", "must be between 1 and 300");
        assertProblem(with("timeoutSeconds", "soon"), "timeoutSeconds", "must be a whole number");
    }

    @Test
    void saslOptionsNeedASaslProtocolAndTheProtocolNeedsThem() {
        assertEquals("PLAINTEXT", settings(MINIMAL).securityProtocol());
        assertProblem(with("securityProtocol", "TLS"), "securityProtocol",
                "must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
        assertProblem(with("saslUsername", "u"), "saslUsername", "has no effect with securityProtocol PLAINTEXT");
        Map<String, Object> ssl = with("securityProtocol", "SSL");
        ssl.put("saslPassword", "p");
        assertProblem(ssl, "saslPassword", "has no effect with securityProtocol SSL");

        Map<String, Object> sasl = with("securityProtocol", "SASL_SSL");
        assertProblem(sasl, "saslUsername", "is required");
        sasl.put("saslUsername", "hookyard");
        assertProblem(sasl, "saslPassword", "is required with securityProtocol SASL_SSL");
        sasl.put("saslPassword", "");
        assertProblem(sasl, "saslPassword", "is required with securityProtocol SASL_SSL");
        sasl.put("saslMechanism", "GSSAPI");
        sasl.put("saslPassword", "p");
        assertProblem(sasl, "saslMechanism", "must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512");
    }

    @Test
    void theSaslPasswordReachesKafkaExactlyAndNeverShows() {
        String password = "pa\"ss; word\\ with=\"quotes\"\nand a line";
        Map<String, Object> options = with("securityProtocol", "SASL_SSL");
        options.put("saslMechanism", "SCRAM-SHA-512");
        options.put("saslUsername", "hook\"yard");
        options.put("saslPassword", password);
        PublishSettings settings = settings(options);

        SaslLogin login = settings.sasl().orElseThrow();
        assertFalse(login.toString().contains("pa\"ss"), login.toString());
        // Parsed by Kafka's own JAAS configuration parser, as the producer does.
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(login.jaasConfig()))).configurationEntries();
        assertEquals(1, entries.size());
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule", entries.get(0).getLoginModuleName());
        assertEquals(Map.of("username", "hook\"yard", "password", password), entries.get(0).getOptions());

        Map<String, Object> config = ProducerProperties.of(settings, "hookyard-test");
        assertEquals("SASL_SSL", config.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
    }

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndTimesOutWithTheHandler() {
        Map<String, Object> config = ProducerProperties.of(settings(with("timeoutSeconds", 7)), "hookyard-orders");
        assertEquals(true, config.get("enable.idempotence"));
        assertEquals("all", config.get("acks"));
        assertEquals("hookyard-orders", config.get("client.id"));
        assertEquals("broker1.example.com:9092", config.get("bootstrap.servers"));
        assertEquals(7000, config.get("max.block.ms"));
        assertEquals(7000, config.get("delivery.timeout.ms"));
    }

    @Test
    void aValidConfigurationBuildsAHandlerWithoutABrokerOrEvenItsName() throws Exception {
        // broker1.example.com does not resolve: the Kafka client would refuse to be created with it.
        new KafkaPublishHandlerFactory().create(TestEvents.context("no-broker-needed", MINIMAL)).close();
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> options = new HashMap<>(MINIMAL);
        options.put(key, value);
        return options;
    }

    private static PublishSettings settings(Map<String, ?> options) {
        return PublishSettings.from(TestEvents.context("settings", options).options());
    }

    private static void assertProblem(Map<String, ?> options, String key, String problem) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> new KafkaPublishHandlerFactory().create(TestEvents.context("invalid", options)));
        assertEquals(key, e.key(), e.getMessage());
        assertEquals(problem, e.problem(), e.getMessage());
    }
}
