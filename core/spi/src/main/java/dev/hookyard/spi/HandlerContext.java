package dev.hookyard.spi;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the host gives a {@link HandlerFactory} for one configured handler.
 *
 * @param name              the handler's configured name (its key under {@code handlers:})
 * @param options           its options, already checked against {@link HandlerFactory#options()}
 * @param clock             the clock to use, so tests can control time
 * @param logger            a logger named after the handler (the JDK's {@link System.Logger}, so no logging
 *                          framework leaks into the SPI; the host routes it to its own log)
 * @param homeDirectory     the Hookyard home directory, against which relative paths in options are resolved
 * @param credentialHeaders the host's rule for credential headers, as configured. The events a handler gets have
 *                          their headers masked by it already; a handler that writes or sends headers on (an
 *                          archive, a forwarder) masks with it as well, so that it never shows what the host hides
 *                          even for an event built elsewhere
 * @param traceHeaders      the trace context of the call under way, as headers to send on (see {@link TraceHeaders});
 *                          empty maps from a host that does not trace
 */
public record HandlerContext(String name, Options options, Clock clock, System.Logger logger, Path homeDirectory,
                             CredentialHeaders credentialHeaders, TraceHeaders traceHeaders) {

    public HandlerContext {
        Checks.notBlank(name, "name");
        Checks.notNull(options, "options");
        Checks.notNull(clock, "clock");
        Checks.notNull(logger, "logger");
        Checks.notNull(homeDirectory, "homeDirectory");
        Checks.notNull(credentialHeaders, "credentialHeaders");
        Checks.notNull(traceHeaders, "traceHeaders");
    }

    /** Without trace context ({@link TraceHeaders#NONE}): the constructor of hosts and tests from before tracing. */
    public HandlerContext(String name, Options options, Clock clock, System.Logger logger, Path homeDirectory,
                          CredentialHeaders credentialHeaders) {
        this(name, options, clock, logger, homeDirectory, credentialHeaders, TraceHeaders.NONE);
    }

    /** With the built-in credential header rule ({@link CredentialHeaders#DEFAULT}). */
    public HandlerContext(String name, Options options, Clock clock, System.Logger logger, Path homeDirectory) {
        this(name, options, clock, logger, homeDirectory, CredentialHeaders.DEFAULT);
    }

    /** Resolves a path from the options against the home directory (absolute paths are kept). */
    public Path resolve(String path) {
        return homeDirectory.resolve(path).normalize();
    }
}
