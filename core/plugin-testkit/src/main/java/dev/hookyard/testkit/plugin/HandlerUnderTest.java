package dev.hookyard.testkit.plugin;

import dev.hookyard.server.plugin.ContextClassLoader;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.HandlerCall;

/**
 * A handler of the plugin under test, created as the host creates it. Each call runs on a thread of its own
 * with the plugin's class loader as the thread context class loader, as the host's calls do; a call can be
 * interrupted the way the host cancels one that ran past its timeout (see {@link HandlerCall}).
 */
public final class HandlerUnderTest implements AutoCloseable {

    private final Handler handler;

    HandlerUnderTest(Handler handler) {
        this.handler = handler;
    }

    /**
     * Handles one event and returns the outcome.
     *
     * @throws Exception what the handler threw (the host would retry the event under its retry policy)
     */
    public Outcome handle(WebhookEvent event) throws Exception {
        return start(event).outcome();
    }

    /** Starts handling one event; the returned call can be interrupted and awaited. */
    public HandlerCall start(WebhookEvent event) {
        return HandlerCall.start(e -> ContextClassLoader.callAs(handler, () -> handler.handle(e)), event);
    }

    /** Closes the handler, as the host does once at shutdown. */
    @Override
    public void close() throws Exception {
        handler.close();
    }
}
