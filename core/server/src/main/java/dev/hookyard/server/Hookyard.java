package dev.hookyard.server;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.dispatch.ConfiguredHandlers;
import dev.hookyard.server.dispatch.Dispatcher;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.http.ReceiverServer;
import dev.hookyard.server.http.RejectionCounters;
import dev.hookyard.server.inject.ServerModule;
import dev.hookyard.server.inspect.Retention;
import dev.hookyard.server.management.ManagementServer;
import dev.hookyard.server.metrics.ServerMetrics;
import dev.hookyard.server.pipeline.LivePipeline;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.reload.ConfigFileWatch;
import dev.hookyard.server.reload.ConfigReload;
import dev.hookyard.server.reload.ReloadOutcome;
import dev.hookyard.server.reload.ReloadTrigger;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.tracing.OtelTracing;
import dev.hookyard.server.tracing.Tracing;
import java.time.Clock;
import java.util.OptionalInt;
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
    private final LivePipeline pipeline;
    private final ConfigReload reload;
    /** Null unless {@code reload.watch} is true. */
    private final ConfigFileWatch watch;
    private final RejectionCounters rejections;
    private final DeliveryQueries queries;
    private final Retention retention;
    /** Null when {@code management.enabled} is false. */
    private final ManagementServer management;
    private final int retentionDays;
    private final ServerMetrics metrics;
    private final Tracing tracing;

    private Hookyard(Injector injector, Tracing tracing) {
        this.tracing = tracing;
        // The pipeline first: a bad configuration must fail before the store is opened (or created).
        this.pipeline = injector.getInstance(LivePipeline.class);
        ConfiguredHandlers handlers = pipeline.current().handlers();
        // Metrics before the store, which reports its commits to them; closed with it (JVM GC listeners).
        this.metrics = injector.getInstance(ServerMetrics.class);
        try {
            this.store = injector.getInstance(DeliveryStore.class);
        } catch (RuntimeException e) {
            handlers.close();
            metrics.close();
            throw e;
        }
        try {
            this.dispatcher = injector.getInstance(Dispatcher.class);
            this.reload = injector.getInstance(ConfigReload.class);
            this.server = injector.getInstance(ReceiverServer.class);
            this.rejections = injector.getInstance(RejectionCounters.class);
            HookyardConfig config = injector.getInstance(HookyardConfig.class);
            this.queries = injector.getInstance(DeliveryQueries.class);
            this.retention = injector.getInstance(Retention.class);
            this.management = config.management().enabled() ? injector.getInstance(ManagementServer.class) : null;
            this.retentionDays = config.store().retentionDays();
            this.watch = config.reload().watch()
                    ? new ConfigFileWatch(config.file(), config.fileSha256(), () -> reload.reload(ReloadTrigger.WATCH))
                    : null;
        } catch (RuntimeException e) {
            handlers.close();
            store.close();
            metrics.close();
            throw e;
        }
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
        return start(config, new ConfigLoader(config.home(), System::getenv), plugins, clock, retries,
                OtelTracing.of(config.tracing(), version()));
    }

    /**
     * As above, with the loader that read {@code config} (a reload reads the file again with it: same home, same
     * environment), tracing with {@code tracing}, which the receiver closes when it stops (or fails to start).
     */
    public static Hookyard start(HookyardConfig config, ConfigLoader loader, InstalledPlugins plugins, Clock clock,
                                 RetrySchedule retries, Tracing tracing) throws Exception {
        Hookyard hookyard;
        try {
            hookyard = new Hookyard(Guice.createInjector(new ServerModule(config, loader, plugins, clock, retries,
                    tracing)), tracing);
        } catch (ProvisionException e) {
            tracing.close();
            throw unwrap(e.getErrorMessages().stream().map(Message::getCause).toList(), e);
        } catch (CreationException e) {
            tracing.close();
            throw unwrap(e.getErrorMessages().stream().map(Message::getCause).toList(), e);
        } catch (RuntimeException e) {
            tracing.close();
            throw e;
        }
        try {
            hookyard.dispatcher.start();
            hookyard.server.start();
            hookyard.retention.schedule(hookyard.retentionDays);
            if (hookyard.management != null) {
                hookyard.management.start();
            }
            if (hookyard.watch != null) {
                hookyard.watch.start();
            }
        } catch (Exception e) {
            hookyard.close();
            throw e;
        }
        LOG.info("Endpoints: {}", hookyard.endpoints().all().stream()
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

    /** {@code https} when the listener speaks TLS, else {@code http}. */
    public String scheme() {
        return server.scheme();
    }

    /** Requests and connections refused by limits and access rules, per reason. */
    public RejectionCounters rejections() {
        return rejections;
    }

    /** The server's meters (what {@code GET /metrics} shows). */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** The endpoints in use now (a reload may change them). */
    public EndpointTable endpoints() {
        return pipeline.current().endpoints();
    }

    /**
     * Reads the configuration file again and puts it in use, or refuses it and keeps the running one (see
     * {@link ConfigReload}); reloads run one at a time.
     */
    public ReloadOutcome reload(ReloadTrigger trigger) {
        return reload.reload(trigger);
    }

    public DeliveryStore store() {
        return store;
    }

    /** The operator's queries on the store (what the management API and the commands use). */
    public DeliveryQueries queries() {
        return queries;
    }

    /** The management API's bound port, if it is enabled. */
    public OptionalInt managementPort() {
        return management == null ? OptionalInt.empty() : OptionalInt.of(management.port());
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Stopping the listener failed: {}", e.toString());
        }
        if (management != null) {
            try {
                management.close();
            } catch (Exception e) {
                LOG.warn("Stopping the management API failed: {}", e.toString());
            }
        }
        retention.close();
        dispatcher.close();
        // After the dispatcher: the attempts that finished during its grace are exported too.
        tracing.close();
        // Serialised with reloads: none swaps handlers in while these are closed.
        synchronized (reload) {
            pipeline.current().handlers().close();
            reload.close();
        }
        queries.close();
        store.close();
        metrics.close();
    }

    /** This server module's version, as {@code service.version} of its spans. */
    public static String version() {
        java.lang.module.ModuleDescriptor descriptor = Hookyard.class.getModule().getDescriptor();
        return descriptor == null ? "unknown" : descriptor.rawVersion().orElse("unknown");
    }
}
