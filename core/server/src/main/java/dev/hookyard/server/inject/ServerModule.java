package dev.hookyard.server.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.hookyard.server.activity.IntakeActivity;
import dev.hookyard.server.activity.LiveTail;
import dev.hookyard.server.activity.MinuteCounts;
import dev.hookyard.server.assembly.PipelineAssembler;
import dev.hookyard.server.assembly.PipelineAssembler.Pipeline;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.config.HandlerConfig;
import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.console.ConsoleData;
import dev.hookyard.server.console.ConsoleRoutes;
import dev.hookyard.server.endpoint.EndpointTable;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.dispatch.Dispatcher;
import dev.hookyard.server.dispatch.HandlerPolicy;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.endpoint.Endpoint;
import dev.hookyard.server.endpoint.EndpointAdmissions;
import dev.hookyard.server.http.DeliveryRequestHandler;
import dev.hookyard.server.http.RejectionCounters;
import dev.hookyard.server.http.SourceAddress;
import dev.hookyard.server.http.ReceiverServer;
import dev.hookyard.server.intake.BacklogGate;
import dev.hookyard.server.intake.DeliveryIntake;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.inspect.DeliveryReplay;
import dev.hookyard.server.inspect.Retention;
import dev.hookyard.server.management.ManagementAccess;
import dev.hookyard.server.management.ManagementHandler;
import dev.hookyard.server.management.ManagementServer;
import dev.hookyard.server.management.Readiness;
import dev.hookyard.server.management.StoreCheck;
import dev.hookyard.server.metrics.ReloadMeters;
import dev.hookyard.server.metrics.ServerMetrics;
import dev.hookyard.server.pipeline.LivePipeline;
import dev.hookyard.server.pipeline.ServingPipeline;
import dev.hookyard.server.reload.ConfigReload;
import dev.hookyard.server.reload.ReloadTrigger;
import dev.hookyard.server.store.CommitPolicy;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliveryStore;
import dev.hookyard.server.store.SqliteDeliveryQueries;
import dev.hookyard.server.store.SqliteDeliveryStore;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.postgres.PostgresDeliveryStore;
import dev.hookyard.server.store.postgres.PostgresSettings;
import dev.hookyard.server.tracing.Tracing;
import dev.hookyard.spi.CredentialHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Wires the server's parts from a loaded configuration and the installed plugins. Guice stays inside the server:
 * plugins never see it.
 */
public final class ServerModule extends AbstractModule {

    /** Live tail viewers at once: each holds one of the management port's 16 threads while it watches. */
    private static final int MAX_TAIL_VIEWERS = 4;

    private final HookyardConfig config;
    private final ConfigLoader loader;
    private final InstalledPlugins plugins;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Tracing tracing;

    /**
     * @param loader  what read {@code config}, to read its file again on a reload (same home, same environment)
     * @param retries the schedule for retrying failed handler runs (tests choose a fast one)
     * @param tracing what traces deliveries and handler attempts (built from {@code config.tracing()} by the caller,
     *                which closes it; tests give one that exports to memory)
     */
    public ServerModule(HookyardConfig config, ConfigLoader loader, InstalledPlugins plugins, Clock clock,
                        RetrySchedule retries, Tracing tracing) {
        this.config = config;
        this.loader = loader;
        this.plugins = plugins;
        this.clock = clock;
        this.retries = retries;
        this.tracing = tracing;
    }

    @Override
    protected void configure() {
        bind(HookyardConfig.class).toInstance(config);
        bind(InstalledPlugins.class).toInstance(plugins);
        bind(Clock.class).toInstance(clock);
        bind(Tracing.class).toInstance(tracing);
    }

    @Provides
    @Singleton
    public PipelineAssembler assembler() {
        return new PipelineAssembler(plugins, clock, HandlerPolicy.defaults(retries));
    }

    /** The pipeline of the configuration the server starts with; reloads swap in others. */
    @Provides
    @Singleton
    public LivePipeline pipeline(PipelineAssembler assembler) {
        Pipeline built = assembler.assemble(config);
        return new LivePipeline(new ServingPipeline(config, built.endpoints(),
                new EndpointAdmissions(config.endpoints(), clock), built.routes(), built.handlers()));
    }

    @Provides
    @Singleton
    public ConfigReload reload(PipelineAssembler assembler, LivePipeline pipeline, Dispatcher dispatcher,
                               ServerMetrics metrics, ReloadMeters meters) {
        return new ConfigReload(loader, config, assembler, pipeline, dispatcher, metrics, meters, clock);
    }

    @Provides
    @Singleton
    public ReloadMeters reloadMeters(MeterRegistry registry) {
        return new ReloadMeters(registry, clock.instant(), config.fileSha256());
    }

    /** The registry {@code GET /metrics} on the management port scrapes. */
    @Provides
    @Singleton
    public PrometheusMeterRegistry prometheus() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Provides
    @Singleton
    public MeterRegistry meterRegistry(PrometheusMeterRegistry prometheus) {
        return prometheus;
    }

    /** Every meter of the configured endpoints and handlers, and the JVM's, registered up front. */
    @Provides
    @Singleton
    public ServerMetrics metrics(MeterRegistry registry) {
        ServerMetrics metrics = new ServerMetrics(registry,
                config.endpoints().stream().map(EndpointConfig::name).toList(),
                config.handlers().stream().map(HandlerConfig::name).toList());
        metrics.bindJvmMetrics();
        return metrics;
    }

    @Provides
    @Singleton
    public DeliveryStore store(ServerMetrics metrics) throws StoreUnavailableException {
        PostgresSettings postgres = config.store().postgres();
        CredentialHeaders credentials = config.server().credentialHeaders();
        DeliveryStore store = postgres != null
                ? PostgresDeliveryStore.open(postgres, clock, CommitPolicy.GROUP, metrics, metrics.registry(),
                        credentials)
                : SqliteDeliveryStore.open(config.store().directory(), clock, CommitPolicy.GROUP, metrics,
                        credentials);
        metrics.watchBacklog(store::backlog);
        return store;
    }

    @Provides
    @Singleton
    public Dispatcher dispatcher(DeliveryStore store, LivePipeline pipeline, ServerMetrics metrics) {
        Dispatcher dispatcher = new Dispatcher(store, () -> pipeline.current().endpoints(),
                pipeline.current().handlers(), HandlerPolicy.defaults(retries), clock,
                config.server().shutdownGrace(), metrics, tracing);
        // Runs replayed elsewhere, or given back by a node that stopped, are read at once rather than at the next poll.
        store.listenForDueRuns(dispatcher::wake);
        return dispatcher;
    }

    @Provides
    @Singleton
    public DeliveryIntake intake(DeliveryStore store, Dispatcher dispatcher) {
        return new DeliveryIntake(store, dispatcher, new BacklogGate(store, config.store().maxBacklog()),
                config.server().credentialHeaders());
    }

    @Provides
    @Singleton
    public ReceiverServer receiverServer(LivePipeline pipeline, DeliveryIntake intake, RejectionCounters rejections,
                                         ServerMetrics metrics, IntakeActivity activity) {
        DeliveryRequestHandler handler = new DeliveryRequestHandler(pipeline, intake, clock,
                new SourceAddress(config.server().trustedProxies()), rejections, metrics, activity, tracing);
        return new ReceiverServer(config.server(), handler, rejections);
    }

    /** Refusals by limits and access rules, per reason: shared by the listener and whatever reports them. */
    @Provides
    @Singleton
    public RejectionCounters rejections(ServerMetrics metrics) {
        return new RejectionCounters(metrics);
    }

    /**
     * The operator's queries, on their own connection (the embedded store) or the shared store's pool; opened after
     * the store, which creates and migrates it.
     */
    @Provides
    @Singleton
    public DeliveryQueries queries(DeliveryStore store) throws StoreUnavailableException {
        if (store instanceof PostgresDeliveryStore shared) {
            return shared.queries();
        }
        return SqliteDeliveryQueries.open(config.store().directory(), config.server().credentialHeaders());
    }

    @Provides
    @Singleton
    public DeliveryReplay replay(DeliveryQueries queries, LivePipeline pipeline, Dispatcher dispatcher) {
        return new DeliveryReplay(queries, () -> {
            ServingPipeline now = pipeline.current();
            return new DeliveryReplay.Targets(now.routes(), now.handlers().names(),
                    now.endpoints().all().stream().map(Endpoint::name).collect(Collectors.toSet()));
        }, clock, dispatcher::wake);
    }

    @Provides
    @Singleton
    public Retention retention(DeliveryQueries queries) {
        return new Retention(queries, clock);
    }

    @Provides
    @Singleton
    public Readiness readiness(DeliveryStore store, LivePipeline pipeline, ReceiverServer receiver) {
        return new Readiness(List.of(
                StoreCheck.of(store.commitHealth()),
                new Readiness.Check("plugins", () -> {
                    ServingPipeline now = pipeline.current();
                    return now.endpoints().all().size() == now.config().endpoints().size()
                            && now.handlers().names().size() == now.config().handlers().size()
                            ? Optional.empty() : Optional.of("not every endpoint and handler was built");
                }),
                new Readiness.Check("listener", () -> receiver.isRunning()
                        ? Optional.empty() : Optional.of("the delivery listener is not accepting"))));
    }

    @Provides
    @Singleton
    public ManagementServer managementServer(DeliveryQueries queries, DeliveryReplay replay, Retention retention,
                                             Readiness readiness, PrometheusMeterRegistry prometheus,
                                             LivePipeline pipeline, IntakeActivity activity, ServerMetrics metrics,
                                             DeliveryStore store, ReceiverServer receiver, ConfigReload reload) {
        int days = config.store().retentionDays();
        Duration defaultAge = Duration.ofDays(days > 0 ? days : HookyardConfig.StoreSettings.DEFAULT_RETENTION_DAYS);
        ManagementHandler api = new ManagementHandler(ManagementAccess.of(config.management()), queries, replay,
                retention, readiness, defaultAge, clock, prometheus::scrape, () -> reload.reload(ReloadTrigger.API));
        // The console shows the endpoints and routes the server started with (a reload does not reach it yet).
        EndpointTable endpoints = pipeline.current().endpoints();
        RouteTable routes = pipeline.current().routes();
        ConsoleData console = new ConsoleData(config, endpoints, routes, queries, replay, activity, metrics,
                store::backlog, clock, () -> URI.create(receiver.scheme() + "://" + loopbackOf(receiver.host()) + ":"
                        + receiver.port() + "/"));
        return new ManagementServer(config.management(), ConsoleRoutes.managementPort(config.management(), console,
                api));
    }

    /** Where this process reaches its own listener: a wildcard bind is reached on loopback. */
    private static String loopbackOf(String host) {
        if (host.equals("0.0.0.0") || host.isEmpty()) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("[::]")) {
            return "[::1]";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** What the listener accepted and refused, per minute and live: the console's overview and tail. */
    @Provides
    @Singleton
    public IntakeActivity activity() {
        return new IntakeActivity(clock, new MinuteCounts(clock, ServerMetrics.REASONS),
                new LiveTail(MAX_TAIL_VIEWERS));
    }
}
