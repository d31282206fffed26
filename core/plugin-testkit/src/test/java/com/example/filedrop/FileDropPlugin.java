package com.example.filedrop;

import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import java.util.List;

// tag::plugin[]
public final class FileDropPlugin implements HookyardPlugin {

    @Override
    public List<HandlerFactory> handlers() {
        return List.of(new FileDropHandlerFactory());
    }
}
// end::plugin[]
