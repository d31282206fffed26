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
    private final RouteTable routes;
    private final Set<String> handlers;
    private final Set<String> endpoints;
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
        this.queries = queries;
        this.routes = routes;
        this.handlers = Set.copyOf(handlers);
        this.endpoints = Set.copyOf(endpoints);
        this.clock = clock;
        this.afterReplay = afterReplay;
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
        if (!handlers.contains(name)) {
            throw new UnknownHandlerException(name, handlers);
        }
    }

    /**
     * Replays one delivery, to {@code handler} only if present.
     *
     * @throws UnknownHandlerException if {@code handler} is not configured
     */
    public Outcome replay(long id, Optional<String> handler) throws StoreUnavailableException {
        handler.ifPresent(this::requireHandler);
        DeliveryPage page = queries.list(DeliveryFilter.ANY.withAfter(id - 1).withLimit(1));
        if (page.deliveries().isEmpty() || page.deliveries().get(0).id() != id) {
            return new Outcome.NotFound(id);
        }
        Outcome planned = plan(page.deliveries().get(0), handler);
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
        handler.ifPresent(this::requireHandler);
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
                Outcome outcome = plan(delivery, handler);
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
        return routes.verdicts(delivery.endpoint(), delivery.vendor(), delivery.eventType(),
                FilterSubject.of(delivery.headers(), delivery.body()));
    }

    private Outcome plan(DeliverySummary delivery, Optional<String> handler) throws StoreUnavailableException {
        if (!endpoints.contains(delivery.endpoint())) {
            return new Outcome.Skipped(delivery.id(), "endpoint '" + delivery.endpoint()
                    + "' is no longer configured");
        }
        if (handler.isPresent()) {
            return new Outcome.Replayed(delivery.id(), List.of(handler.get()));
        }
        List<String> selected = routes.handlersFor(delivery.endpoint(), delivery.vendor(), delivery.eventType(),
                content(delivery));
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
    private FilterSubject content(DeliverySummary delivery) throws StoreUnavailableException {
        if (!routes.filtersContent(delivery.endpoint(), delivery.vendor(), delivery.eventType())) {
            return FilterSubject.of(Headers.empty(), new byte[0]);
        }
        Optional<DeliveryDetail> stored = queries.show(delivery.id());
        return stored.isEmpty() ? FilterSubject.of(Headers.empty(), new byte[0])
                : FilterSubject.of(stored.get().delivery().headers(), stored.get().delivery().body());
    }
}
