package dev.hookyard.server.store;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored deliveries to list, replay or count. Every part is optional ({@code null} or empty: any); the name
 * parts are globs ({@code *} any run of characters, {@code ?} one character), as in routes.
 *
 * @param endpoint      endpoint-name glob
 * @param vendor        vendor-id glob
 * @param type          event-type glob, e.g. {@code record.*}
 * @param statuses      delivery statuses, any of them
 * @param since         received at or after
 * @param until         received before
 * @param after         keyset cursor: only ids past this one in the listing's order (greater oldest first, smaller
 *                      newest first)
 * @param limit         at most this many (listing only)
 * @param handler       only deliveries with a run of this handler (exact name)
 * @param runStatuses   with {@code handler}: only where that handler's run has one of these statuses
 * @param deliveryKey   only the delivery with this exact key (one per endpoint)
 * @param newestFirst   list the highest ids first
 */
public record DeliveryFilter(String endpoint, String vendor, String type, Set<DeliveryStatus> statuses,
                             Instant since, Instant until, Long after, int limit, String handler,
                             Set<RunStatus> runStatuses, String deliveryKey, boolean newestFirst) {

    /** Default page size of a listing. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page a listing returns. */
    public static final int MAX_LIMIT = 1000;

    /** Everything, one default page at a time, oldest first. */
    public static final DeliveryFilter ANY = new DeliveryFilter(null, null, null, Set.of(), null, null, null,
            DEFAULT_LIMIT, null, Set.of(), null, false);

    public DeliveryFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        runStatuses = runStatuses == null ? Set.of() : Set.copyOf(runStatuses);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (!runStatuses.isEmpty() && handler == null) {
            throw new IllegalArgumentException("a handler run status needs a handler");
        }
    }

    public DeliveryFilter withAfter(Long id) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, until, id, limit, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withLimit(int max) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, until, after, max, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withEndpoint(String glob) {
        return new DeliveryFilter(glob, vendor, type, statuses, since, until, after, limit, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withVendor(String glob) {
        return new DeliveryFilter(endpoint, glob, type, statuses, since, until, after, limit, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withType(String glob) {
        return new DeliveryFilter(endpoint, vendor, glob, statuses, since, until, after, limit, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withStatuses(Set<DeliveryStatus> any) {
        return new DeliveryFilter(endpoint, vendor, type, any, since, until, after, limit, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withSince(Instant from) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, from, until, after, limit, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withUntil(Instant to) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, to, after, limit, handler, runStatuses,
                deliveryKey, newestFirst);
    }

    /** Only deliveries with a run of {@code name} whose status is one of {@code any} (empty: any status). */
    public DeliveryFilter withHandler(String name, Set<RunStatus> any) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, until, after, limit, name, any,
                deliveryKey, newestFirst);
    }

    public DeliveryFilter withDeliveryKey(String key) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, until, after, limit, handler, runStatuses,
                key, newestFirst);
    }

    public DeliveryFilter withNewestFirst(boolean newest) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, until, after, limit, handler, runStatuses,
                deliveryKey, newest);
    }
}
