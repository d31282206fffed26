package dev.hookyard.plugin.jsonlarchive;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;

import java.util.List;

/** The plugin entry point: contributes the handler type {@code jsonl-archive} and no vendors. */
public final class JsonlArchivePlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public JsonlArchivePlugin() {
    }

    /** One {@link JsonlArchiveHandlerFactory}. */
    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new JsonlArchiveHandlerFactory());
    }
}
