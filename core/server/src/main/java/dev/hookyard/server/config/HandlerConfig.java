package dev.hookyard.server.config;

import dev.hookyard.spi.Options;

/**
 * One handler instance as configured.
 *
 * @param name    the key under {@code handlers:}, which routes refer to
 * @param type    the handler type, provided by a plugin or built in
 * @param options the type's options
 */
public record HandlerConfig(String name, String type, Options options) {

    /** The key path of this handler in the file, for error messages. */
    public String key() {
        return "handlers." + name;
    }
}
