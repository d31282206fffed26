package dev.hookyard.server.config;

import dev.hookyard.spi.Options;

/**
 * One handler instance as configured.
 *
 * @param name    the key under {@code handlers:}, which routes refer to
 * @param type    the handler type, provided by a plugin or built in
 * @param options the type's options
 * @param limits  retry, timeout and concurrency settings ({@code null} parts are defaults)
 */
public record HandlerConfig(String name, String type, Options options, HandlerLimits limits) {

    /** A handler with default limits. */
    public HandlerConfig(String name, String type, Options options) {
        this(name, type, options, HandlerLimits.DEFAULTS);
    }

    /** The key path of this handler in the file, for error messages. */
    public String key() {
        return "handlers." + name;
    }
}
