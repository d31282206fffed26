package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;

import java.util.List;

/** The plugin entry point: contributes the {@code absorb-enrich} handler type and no vendors. */
public final class AbsorbEnrichPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public AbsorbEnrichPlugin() {
    }

    /** One {@link AbsorbEnrichHandlerFactory}. */
    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new AbsorbEnrichHandlerFactory());
    }
}
