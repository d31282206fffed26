package dev.hookyard.server;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.dispatch.ConfiguredHandlers;
import dev.hookyard.server.dispatch.Dispatcher;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.http.ReceiverServer;
import dev.hookyard.server.inject.ServerModule;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.store.DeliveryStore;
import java.time.Clock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running receiver: listener, store and dispatcher, started in the order that makes a 2xx safe (store and
 * dispatcher before the listener) and stopped in reverse (listener first, so nothing new is accepted while the
 * rest winds down).
 */
public final class Hookyard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hookyard.class);

    private final ReceiverServer server;
    private final Dispatcher dispatcher;
    private final DeliveryStore store;
    private final ConfiguredHandlers handlers;
    private final EndpointTable endpoints;

    private Hookyard(Injector injector) {
        // The pipeline first: a bad configuration must fail before the store is opened (or created).
        this.endpoints = injector.getInstance(EndpointTable.class);
        this.handlers = injector.getInstance(ConfiguredHandlers.class);
        try {
            this.store = injector.getInstance(DeliveryStore.class);
        } catch (RuntimeException e) {
            handlers.close();
            throw e;
        }
        this.dispatcher = injector.getInstance(Dispatcher.class);
        this.server = injector.getInstance(ReceiverServer.class);
    }

    /**
     * Builds and starts a receiver; throws the configuration or store problem that stops it, unwrapped from
     * Guice so the operator sees the cause, not the wiring.
     */
    public static Hookyard start(HookyardConfig config, InstalledPlugins plugins, Clock clock) throws Exception {
        return start(config, plugins, clock, RetrySchedule.DEFAULT);
    }

    /** As {@link #start(HookyardConfig, InstalledPlugins, Clock)}, retrying failed handler runs on {@code retries}. */
    public static Hookyard start(HookyardConfig config, InstalledPlugins plugins, Clock clock, RetrySchedule retries)
            throws Exception {
        Hookyard hookyard;
        try {
            hookyard = new Hookyard(Guice.createInjector(new ServerModule(config, plugins, clock, retries)));
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages().stream().map(Message::getCause).toList(), e);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages().stream().map(Message::getCause).toList(), e);
        }
        try {
            hookyard.dispatcher.start();
            hookyard.server.start();
        } catch (Exception e) {
            hookyard.close();
            throw e;
        }
        LOG.info("Endpoints: {}", hookyard.endpoints.all().stream()
                .map(e -> e.name() + " " + e.path() + " (" + e.vendorId() + ")")
                .collect(Collectors.joining("; ")));
        return hookyard;
    }

    private static Exception unwrap(java.util.List<Throwable> causes, RuntimeException wrapper) {
        for (Throwable cause : causes) {
            if (cause instanceof Exception e) {
                return e;
            }
        }
        return wrapper;
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return server.host();
    }

    public EndpointTable endpoints() {
        return endpoints;
    }

    public DeliveryStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Stopping the listener failed: {}", e.toString());
        }
        dispatcher.close();
        handlers.close();
        store.close();
    }
}
