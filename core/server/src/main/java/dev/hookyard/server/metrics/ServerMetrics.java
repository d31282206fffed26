package dev.hookyard.server.metrics;

import dev.hookyard.server.http.RejectionCounters;
import dev.hookyard.server.store.CommitObserver;
import dev.hookyard.server.store.RunResult;
import dev.hookyard.spi.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The server's own meters, all named {@code hookyard.*} ({@code hookyard_*} in Prometheus), registered once at
 * startup for every configured endpoint and handler, so that recording one is a map lookup and an increment. Label
 * values come from the configuration (endpoint and handler names) or from fixed sets (status, reason, outcome),
 * never from a request: a path nobody configured counts under {@link #NO_ENDPOINT}.
 *
 * <pre>
 * hookyard_requests_total{endpoint,status}          answers of the delivery listener
 * hookyard_rejections_total{endpoint,reason}         401 by verification reason; 403/408/413/429/431/503 refusals
 * hookyard_parse_failures_total{endpoint}            verified but not the vendor's envelope (400)
 * hookyard_duplicates_total{endpoint}                already stored (200, not dispatched again)
 * hookyard_intake_seconds                            an accepted delivery, first byte to answer (histogram, p95)
 * hookyard_management_requests_total{surface}        management port requests: console or api
 * hookyard_store_commit_seconds                      one transaction of appended deliveries (histogram)
 * hookyard_store_commit_batch_size                   deliveries per transaction (summary)
 * hookyard_store_commit_failures_total               transactions rolled back (their senders got 503)
 * hookyard_backlog                                   pending handler runs (the store's counter)
 * hookyard_dispatch_outcomes_total{handler,outcome}  done, retry, dead, dropped, timeout: one per attempt
 * hookyard_handler_call_seconds{handler}             time spent in the handler's call (histogram)
 * hookyard_dispatch_retries_total{handler}           attempts that failed and were scheduled again
 * hookyard_dead_letters_total{handler}               runs given up on (replayable)
 * </pre>
 */
public final class ServerMetrics implements CommitObserver, AutoCloseable {

    /** The endpoint label of requests no endpoint was found for, and of refusals made before one is known. */
    public static final String NO_ENDPOINT = "_none";
    /** The handler label of stored runs owed to a handler no longer in the configuration. */
    public static final String UNCONFIGURED_HANDLER = "_unconfigured";
    /** The rejection reason of a 503 because the store could not take the delivery. */
    public static final String STORE_UNAVAILABLE = "store_unavailable";

    /** Every status the delivery listener answers after finding an endpoint. */
    static final List<Integer> STATUSES = List.of(200, 400, 401, 403, 405, 408, 413, 429, 431, 500, 503);
    /** Verification reason codes, then refusal reason codes, then {@link #STORE_UNAVAILABLE}. */
    public static final List<String> REASONS = Stream.concat(Stream.concat(
            Stream.of(RejectionReason.values()).map(RejectionReason::code),
            Stream.of(RejectionCounters.Reason.values()).map(RejectionCounters.Reason::code)),
            Stream.of(STORE_UNAVAILABLE)).toList();
    /** The two surfaces of the management port: the label of {@code hookyard_management_requests_total}. */
    public static final List<String> MANAGEMENT_SURFACES = List.of("console", "api");
    /** How an attempt of a handler run ended. */
    static final List<String> OUTCOMES = List.of("done", "retry", "dead", "dropped", "timeout");

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Map<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();
    private final Map<String, HandlerMeters> handlers = new ConcurrentHashMap<>();
    private final EndpointMeters noEndpoint;
    private final HandlerMeters unconfiguredHandler;
    private final Timer commitLatency;
    private final DistributionSummary commitBatch;
    private final Counter commitFailures;
    private final Timer intakeLatency;
    private final Map<String, Counter> managementRequests = new LinkedHashMap<>();
    private final List<AutoCloseable> binders = new ArrayList<>();

    /** Registers every meter of these endpoints and handlers (names from the configuration) in {@code registry}. */
    public ServerMetrics(MeterRegistry registry, Collection<String> endpointNames, Collection<String> handlerNames) {
        this.registry = registry;
        configured(endpointNames, List.of());
        noEndpoint = new EndpointMeters(registry, NO_ENDPOINT, List.of(404),
                List.of(RejectionCounters.Reason.HEADERS_TOO_LARGE.code(),
                        RejectionCounters.Reason.HEADER_TIMEOUT.code(),
                        RejectionCounters.Reason.CONNECTION_LIMIT.code(),
                        RejectionCounters.Reason.CLIENT_CONNECTION_LIMIT.code()));
        configured(List.of(), handlerNames);
        unconfiguredHandler = new HandlerMeters(registry, UNCONFIGURED_HANDLER);
        commitLatency = Timer.builder("hookyard.store.commit")
                .description("Transactions of appended deliveries (group commit), from write to durable commit")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        commitBatch = DistributionSummary.builder("hookyard.store.commit.batch.size")
                .description("Deliveries appended per committed transaction")
                .register(registry);
        intakeLatency = Timer.builder("hookyard.intake")
                .description("Accepted deliveries, from the request's first byte to the answer (commit included)")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .publishPercentiles(0.95)
                .register(registry);
        for (String surface : MANAGEMENT_SURFACES) {
            managementRequests.put(surface, Counter.builder("hookyard.management.requests")
                    .description("Requests to the management port: the console's pages, assets and actions, or the"
                            + " JSON API, probes and metrics")
                    .tag("surface", surface).register(registry));
        }
        commitFailures = Counter.builder("hookyard.store.commit.failures")
                .description("Transactions that failed and were rolled back; every append in them was answered 503")
                .register(registry);
    }

    /**
     * Registers the meters of endpoints and handlers a reload added, before they serve anything. Those a reload
     * removed keep their series (with the counts they had), so label values stay names that were configured.
     */
    public void configured(Collection<String> endpointNames, Collection<String> handlerNames) {
        for (String name : endpointNames) {
            endpoints.computeIfAbsent(name, n -> new EndpointMeters(registry, n, STATUSES, REASONS));
        }
        for (String name : handlerNames) {
            handlers.computeIfAbsent(name, n -> new HandlerMeters(registry, n));
        }
    }

    /** Meters in a registry of their own, for parts built without a server (tests, defaults). */
    public static ServerMetrics detached() {
        return new ServerMetrics(new SimpleMeterRegistry(), List.of(), List.of());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Adds JVM memory, GC, thread, class loading, CPU and uptime meters; {@link #close()} unbinds GC. */
    public void bindJvmMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** {@code hookyard_backlog}: pending handler runs, read from {@code backlog} at each scrape. */
    public void watchBacklog(LongSupplier backlog) {
        Gauge.builder("hookyard.backlog", backlog, b -> b.getAsLong())
                .description("Pending handler runs (the undelivered backlog)")
                .strongReference(true)
                .register(registry);
    }

    /** Accepted deliveries, first byte to answer; its 95th percentile over the last minutes is published. */
    public Timer intakeLatency() {
        return intakeLatency;
    }

    /** One request to the management port's {@code surface}, one of {@link #MANAGEMENT_SURFACES}. */
    public void managementRequest(String surface) {
        managementRequests.get(surface).increment();
    }

    /** The meters of a configured endpoint; those of {@link #NO_ENDPOINT} for any other name. */
    public EndpointMeters endpoint(String name) {
        EndpointMeters meters = endpoints.get(name);
        return meters != null ? meters : noEndpoint;
    }

    /** The meters of a configured handler; those of {@link #UNCONFIGURED_HANDLER} for any other name. */
    public HandlerMeters handler(String name) {
        HandlerMeters meters = handlers.get(name);
        return meters != null ? meters : unconfiguredHandler;
    }

    @Override
    public void committed(int appends, long nanos) {
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
        commitBatch.record(appends);
    }

    @Override
    public void failed(int appends) {
        commitFailures.increment();
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // nothing to do: the process is stopping
            }
        }
        binders.clear();
    }

    /** The meters of one endpoint. */
    public static final class EndpointMeters {
        private final MeterRegistry registry;
        private final String endpoint;
        private final Map<Integer, Counter> requests = new LinkedHashMap<>();
        private final Map<String, Counter> rejections = new LinkedHashMap<>();
        private final Counter parseFailures;
        private final Counter duplicates;

        EndpointMeters(MeterRegistry registry, String endpoint, List<Integer> statuses, List<String> reasons) {
            this.registry = registry;
            this.endpoint = endpoint;
            statuses.forEach(status -> requests.put(status, requestCounter(status)));
            reasons.forEach(reason -> rejections.put(reason, rejectionCounter(reason)));
            parseFailures = Counter.builder("hookyard.parse.failures")
                    .description("Verified deliveries that are not the vendor's envelope (answered 400)")
                    .tag("endpoint", endpoint).register(registry);
            duplicates = Counter.builder("hookyard.duplicates")
                    .description("Deliveries already stored under their key (answered 200, not dispatched again)")
                    .tag("endpoint", endpoint).register(registry);
        }

        private Counter requestCounter(int status) {
            return Counter.builder("hookyard.requests")
                    .description("Requests answered by the delivery listener, by endpoint and status")
                    .tag("endpoint", endpoint).tag("status", Integer.toString(status)).register(registry);
        }

        private Counter rejectionCounter(String reason) {
            return Counter.builder("hookyard.rejections")
                    .description("Deliveries refused: 401 by verification reason, 403/408/413/429/431/503 by the"
                            + " limit or rule that refused them")
                    .tag("endpoint", endpoint).tag("reason", reason).register(registry);
        }

        /** One answer with {@code status}. */
        public void answered(int status) {
            Counter counter = requests.get(status);
            (counter != null ? counter : requestCounter(status)).increment();
        }

        /** One refusal; {@code reason} is a verification or refusal reason code (a fixed set). */
        public void rejected(String reason) {
            Counter counter = rejections.get(reason);
            (counter != null ? counter : rejectionCounter(reason)).increment();
        }

        public void parseFailed() {
            parseFailures.increment();
        }

        public void duplicate() {
            duplicates.increment();
        }
    }

    /** The meters of one handler. */
    public static final class HandlerMeters {
        private final Timer calls;
        private final Map<String, Counter> outcomes = new LinkedHashMap<>();
        private final Counter retries;
        private final Counter deadLetters;

        HandlerMeters(MeterRegistry registry, String handler) {
            calls = Timer.builder("hookyard.handler.call")
                    .description("Time spent in the handler's call, whatever its outcome")
                    .tag("handler", handler)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry);
            for (String outcome : OUTCOMES) {
                outcomes.put(outcome, Counter.builder("hookyard.dispatch.outcomes")
                        .description("Attempts of handler runs by how they ended: done, dropped (by the handler),"
                                + " timeout, retry (failed, scheduled again) or dead (failed for good)")
                        .tag("handler", handler).tag("outcome", outcome).register(registry));
            }
            retries = Counter.builder("hookyard.dispatch.retries")
                    .description("Failed attempts (timeouts included) scheduled to be tried again")
                    .tag("handler", handler).register(registry);
            deadLetters = Counter.builder("hookyard.dead.letters")
                    .description("Handler runs given up on (attempts exhausted, handler or endpoint gone); replayable")
                    .tag("handler", handler).register(registry);
        }

        /** Times one call of the handler. */
        public Timer calls() {
            return calls;
        }

        /**
         * One recorded attempt: its outcome is {@code timeout} if the call ran past its timeout, else what was
         * recorded; a retry and a dead letter are also counted on their own.
         */
        public void recorded(RunResult result, boolean timedOut) {
            if (result instanceof RunResult.RetryAt) {
                retries.increment();
            } else if (result instanceof RunResult.Dead) {
                deadLetters.increment();
            }
            outcomes.get(RunResult.outcomeName(result, timedOut)).increment();
        }
    }
}
