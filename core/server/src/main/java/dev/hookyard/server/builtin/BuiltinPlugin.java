package dev.hookyard.server.builtin;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import java.util.List;

/** The handler types every Hookyard has without any plugin. */
public final class BuiltinPlugin implements HookyardPlugin {

    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new LogHandlerFactory());
    }
}
