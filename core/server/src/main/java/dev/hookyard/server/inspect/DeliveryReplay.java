package dev.hookyard.server.inspect;

import dev.hookyard.server.config.DidYouMean;
import dev.hookyard.server.dispatch.RouteTable;
import dev.hookyard.server.dispatch.RouteVerdict;
import dev.hookyard.server.filter.FilterSubject;
import dev.hookyard.server.store.DeliveryDetail;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryPage;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.DeliverySummary;
import dev.hookyard.server.store.StoreUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Replays stored deliveries: to every handler their routes select now (recomputed, so a delivery that was unrouted
 * when it arrived reaches a route added since), or to one named handler. The runs become pending and due at once;
 * a running server's dispatcher picks them up on its next poll (at most a second later when idle), or at once
 * when {@code afterReplay} wakes it (the server's own management API does).
 */
public final class DeliveryReplay {

    /** Deliveries replayed per transaction by {@link #replayAll}. */
    private static final int BATCH = 200;
    /** Skipped deliveries listed in a summary; the rest are only counted. */
    private static final int SKIPPED_SHOWN = 100;

    private final DeliveryQueries queries;
    private final Supplier<Targets> targets;
    private final Clock clock;
    private final Runnable afterReplay;

    /**
     * @param routes      the routes as configured now
     * @param handlers    the configured handler names
     * @param endpoints   the configured endpoint names
     * @param afterReplay called after runs were made pending (wakes a dispatcher in the same process)
     */
    public DeliveryReplay(DeliveryQueries queries, RouteTable routes, Set<String> handlers, Set<String> endpoints,
                          Clock clock, Runnable afterReplay) {
        this(queries, () -> new Targets(routes, handlers, endpoints), clock, afterReplay);
    }

    /**
     * @param targets the routes, handlers and endpoints configured now, asked once per replay: a running server's
     *                reloads change them
     */
    public DeliveryReplay(DeliveryQueries queries, Supplier<Targets> targets, Clock clock, Runnable afterReplay) {
        this.queries = queries;
        this.targets = targets;
        this.clock = clock;
        this.afterReplay = afterReplay;
    }

    /**
     * What deliveries can be replayed to.
     *
     * @param routes    the routes as configured
     * @param handlers  the configured handler names
     * @param endpoints the configured endpoint names
     */
    public record Targets(RouteTable routes, Set<String> handlers, Set<String> endpoints) {

        public Targets {
            handlers = Set.copyOf(handlers);
            endpoints = Set.copyOf(endpoints);
        }
    }

    /** A handler name that is not configured. */
    public static final class UnknownHandlerException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownHandlerException(String name, Set<String> known) {
            super("no handler is named '" + name + "'" + DidYouMean.hint(name, known) + "; configured handlers: "
                    + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known))));
        }
    }

    /** What became of replaying one delivery. */
    public sealed interface Outcome {
        long id();

        /** Its runs for these handlers are pending again. */
        record Replayed(long id, List<String> handlers) implements Outcome {
        }

        /** Nothing to replay it to; the reason says why. */
        record Skipped(long id, String reason) implements Outcome {
        }

        /** No delivery has this id. */
        record NotFound(long id) implements Outcome {
        }
    }

    /**
     * The result of replaying every delivery matching a filter.
     *
     * @param matched   deliveries matching the filter
     * @param replayed  deliveries replayed (on a dry run: that would be)
     * @param byHandler runs made pending, per handler
     * @param skipped   the first skipped deliveries, with the reason
     * @param dryRun    whether nothing was changed
     */
    public record Summary(long matched, long replayed, Map<String, Long> byHandler, List<Outcome.Skipped> skipped,
                          long skippedCount, boolean dryRun) {
    }

    /** Checks a handler name against the configuration. */
    public void requireHandler(String name) {
        requireHandler(targets.get(), name);
    }

    private static void requireHandler(Targets now, String name) {
        if (!now.handlers().contains(name)) {
            throw new UnknownHandlerException(name, now.handlers());
        }
    }

    /**
     * Replays one delivery, to {@code handler} only if present.
     *
     * @throws UnknownHandlerException if {@code handler} is not configured
     */
    public Outcome replay(long id, Optional<String> handler) throws StoreUnavailableException {
        Targets now = targets.get();
        handler.ifPresent(name -> requireHandler(now, name));
        DeliveryPage page = queries.list(DeliveryFilter.ANY.withAfter(id - 1).withLimit(1));
        if (page.deliveries().isEmpty() || page.deliveries().get(0).id() != id) {
            return new Outcome.NotFound(id);
        }
        Outcome planned = plan(now, page.deliveries().get(0), handler);
        if (planned instanceof Outcome.Replayed replayed) {
            List<Long> done = queries.replay(Map.of(id, replayed.handlers()), clock.instant());
            if (done.isEmpty()) {
                return new Outcome.NotFound(id);
            }
            afterReplay.run();
        }
        return planned;
    }

    /**
     * Replays every delivery matching {@code filter} (its limit and cursor are ignored), a batch per transaction.
     *
     * @throws UnknownHandlerException if {@code handler} is not configured
     */
    public Summary replayAll(DeliveryFilter filter, Optional<String> handler, boolean dryRun)
            throws StoreUnavailableException {
        Targets now = targets.get();
        handler.ifPresent(name -> requireHandler(now, name));
        Map<String, Long> byHandler = new TreeMap<>();
        List<Outcome.Skipped> skipped = new ArrayList<>();
        long skippedCount = 0;
        long matched = 0;
        long replayed = 0;
        DeliveryFilter page = filter.withNewestFirst(false).withAfter(null).withLimit(BATCH);
        while (true) {
            DeliveryPage found = queries.list(page);
            Map<Long, List<String>> batch = new LinkedHashMap<>();
            for (DeliverySummary delivery : found.deliveries()) {
                matched++;
                Outcome outcome = plan(now, delivery, handler);
                if (outcome instanceof Outcome.Replayed r) {
                    batch.put(r.id(), r.handlers());
                } else if (outcome instanceof Outcome.Skipped s) {
                    skippedCount++;
                    if (skipped.size() < SKIPPED_SHOWN) {
                        skipped.add(s);
                    }
                }
            }
            List<Long> done = dryRun ? List.copyOf(batch.keySet()) : queries.replay(batch, clock.instant());
            for (Long id : done) {
                replayed++;
                batch.get(id).forEach(h -> byHandler.merge(h, 1L, Long::sum));
            }
            if (!dryRun && !done.isEmpty()) {
                afterReplay.run();
            }
            if (found.next().isEmpty()) {
                break;
            }
            page = page.withAfter(found.next().get());
        }
        return new Summary(matched, replayed, byHandler, skipped, skippedCount, dryRun);
    }

    /** Each route's decision for a stored delivery, as routing would decide it now (see {@link RouteTable}). */
    public List<RouteVerdict> routing(StoredDelivery delivery) {
        return targets.get().routes().verdicts(delivery.endpoint(), delivery.vendor(), delivery.eventType(),
                FilterSubject.of(delivery.headers(), delivery.body()));
    }

    private Outcome plan(Targets now, DeliverySummary delivery, Optional<String> handler)
            throws StoreUnavailableException {
        if (!now.endpoints().contains(delivery.endpoint())) {
            return new Outcome.Skipped(delivery.id(), "endpoint '" + delivery.endpoint()
                    + "' is no longer configured");
        }
        if (handler.isPresent()) {
            return new Outcome.Replayed(delivery.id(), List.of(handler.get()));
        }
        List<String> selected = now.routes().handlersFor(delivery.endpoint(), delivery.vendor(), delivery.eventType(),
                content(now.routes(), delivery));
        if (selected.isEmpty()) {
            return new Outcome.Skipped(delivery.id(), "no route selects a handler for endpoint "
                    + delivery.endpoint() + ", type " + delivery.eventType()
                    + " (add a route, or replay to a named handler)");
        }
        return new Outcome.Replayed(delivery.id(), selected);
    }

    /**
     * What the filters of its routes look at: the stored headers and body, read from the store only when a route
     * that takes the delivery's endpoint, vendor and type has a filter (a summary holds neither).
     */
    private FilterSubject content(RouteTable routes, DeliverySummary delivery) throws StoreUnavailableException {
        if (!routes.filtersContent(delivery.endpoint(), delivery.vendor(), delivery.eventType())) {
            return FilterSubject.of(Headers.empty(), new byte[0]);
        }
        Optional<DeliveryDetail> stored = queries.show(delivery.id());
        return stored.isEmpty() ? FilterSubject.of(Headers.empty(), new byte[0])
                : FilterSubject.of(stored.get().delivery().headers(), stored.get().delivery().body());
    }
}
