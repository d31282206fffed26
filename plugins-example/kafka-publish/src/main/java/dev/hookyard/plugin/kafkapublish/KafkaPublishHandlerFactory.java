package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.OptionSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.List;
import java.util.Map;

/**
 * Builds {@code kafka-publish} handlers. The options are read and checked by {@link PublishSettings#from}, so a wrong
 * value stops startup with an {@link dev.hookyard.spi.InvalidOptionException} naming the key; then each handler gets
 * its own producer, {@code client.id} {@code hookyard-<handler name>}, created by its first call (see
 * {@link LazyProducer}).
 */
public final class KafkaPublishHandlerFactory implements HandlerFactory {

    static final String TYPE = "kafka-publish";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Publishes each event to a Kafka topic named by a template, keyed by its delivery key; done once the"
                + " broker acknowledged it (idempotent producer, acks=all)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required(PublishSettings.BOOTSTRAP_SERVERS, "the brokers to connect to first, host:port,"
                        + " as a list or one comma-separated string"),
                OptionSpec.required(PublishSettings.TOPIC, "the topic, a template that may use "
                        + TopicPlaceholder.list() + ", e.g. hookyard.{endpoint}.{type}; characters Kafka refuses"
                        + " in a placeholder's value become _"),
                OptionSpec.optional(PublishSettings.TIMEOUT_SECONDS, "seconds to wait for the topic's metadata, and"
                        + " again for the acknowledgement, 1 to 300; default "
                        + PublishSettings.DEFAULT_TIMEOUT_SECONDS),
                OptionSpec.optional(PublishSettings.SECURITY_PROTOCOL, String.join(", ",
                        PublishSettings.SECURITY_PROTOCOLS) + "; default " + PublishSettings.DEFAULT_SECURITY_PROTOCOL),
                OptionSpec.optional(PublishSettings.SASL_MECHANISM, "with a SASL_ protocol: " + String.join(", ",
                        SaslLogin.MECHANISMS) + "; default " + PublishSettings.DEFAULT_SASL_MECHANISM),
                OptionSpec.optional(PublishSettings.SASL_USERNAME, "with a SASL_ protocol: the user (required)"),
                OptionSpec.optional(PublishSettings.SASL_PASSWORD, "with a SASL_ protocol: the password (required);"
                        + " keep it out of the file with ${env:NAME} or ${file:PATH}").asSecret());
    }

    @Override
    public Handler create(HandlerContext context) {
        PublishSettings settings = PublishSettings.from(context.options());
        Map<String, Object> config = ProducerProperties.of(settings, "hookyard-" + context.name());
        // Serializer instances rather than class names: nothing for Kafka to look up by name through a class loader.
        LazyProducer producer = new LazyProducer(() -> new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer()));
        return new KafkaPublishHandler(settings, producer, context.logger());
    }
}
