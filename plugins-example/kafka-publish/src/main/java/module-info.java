/**
 * Hookyard example plugin {@code kafka-publish}: publishes each event routed to it to a Kafka topic named by a
 * template, with the delivery key as the record key, and counts it done only once the broker acknowledged it.
 *
 * <p>It bundles {@code kafka-clients} and its libraries, which are not named modules: Hookyard loads this plugin in a
 * class loader of its own (the module declaration serves the compiler and documents what the plugin needs).
 */
module dev.hookyard.plugin.kafkapublish {
    requires dev.hookyard.spi;
    requires kafka.clients;

    provides dev.hookyard.spi.HookyardPlugin with dev.hookyard.plugin.kafkapublish.KafkaPublishPlugin;
}
