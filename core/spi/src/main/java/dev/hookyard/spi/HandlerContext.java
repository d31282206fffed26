package dev.hookyard.spi;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the host gives a {@link HandlerFactory} for one configured handler.
 *
 * @param name          the handler's configured name (its key under {@code handlers:})
 * @param options       its options, already checked against {@link HandlerFactory#options()}
 * @param clock         the clock to use, so tests can control time
 * @param logger        a logger named after the handler (the JDK's {@link System.Logger}, so no logging framework
 *                      leaks into the SPI; the host routes it to its own log)
 * @param homeDirectory the Hookyard home directory, against which relative paths in options are resolved
 */
public record HandlerContext(String name, Options options, Clock clock, System.Logger logger, Path homeDirectory) {

    public HandlerContext {
        Checks.notBlank(name, "name");
        Checks.notNull(options, "options");
        Checks.notNull(clock, "clock");
        Checks.notNull(logger, "logger");
        Checks.notNull(homeDirectory, "homeDirectory");
    }

    /** Resolves a path from the options against the home directory (absolute paths are kept). */
    public Path resolve(String path) {
        return homeDirectory.resolve(path).normalize();
    }
}
