package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;

import java.util.List;

/** The plugin entry point: contributes the {@code http-forward} handler type and no vendors. */
public final class HttpForwardPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public HttpForwardPlugin() {
    }

    /** One {@link HttpForwardHandlerFactory}. */
    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new HttpForwardHandlerFactory());
    }
}
