package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;

import java.util.List;

/** The plugin entry point: contributes the {@code kafka-publish} handler type and no vendors. */
public final class KafkaPublishPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public KafkaPublishPlugin() {
    }

    /** One {@link KafkaPublishHandlerFactory}. */
    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new KafkaPublishHandlerFactory());
    }
}
