package dev.hookyard.plugin.exec;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;

import java.util.List;

/** The plugin entry point: contributes the handler type {@code exec} and no vendors. */
public final class ExecPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public ExecPlugin() {
    }

    /** One {@link ExecHandlerFactory}. */
    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new ExecHandlerFactory());
    }
}
