package dev.hookyard.server.store;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored deliveries to list, replay or count. Every part is optional ({@code null} or empty: any); the name
 * parts are globs ({@code *} any run of characters, {@code ?} one character), as in routes.
 *
 * @param endpoint  endpoint-name glob
 * @param vendor    vendor-id glob
 * @param type      event-type glob, e.g. {@code record.*}
 * @param statuses  delivery statuses, any of them
 * @param since     received at or after
 * @param until     received before
 * @param after     keyset cursor: only ids greater than this
 * @param limit     at most this many (listing only)
 */
public record DeliveryFilter(String endpoint, String vendor, String type, Set<DeliveryStatus> statuses,
                             Instant since, Instant until, Long after, int limit) {

    /** Default page size of a listing. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page a listing returns. */
    public static final int MAX_LIMIT = 1000;

    /** Everything, one default page at a time. */
    public static final DeliveryFilter ANY = new DeliveryFilter(null, null, null, Set.of(), null, null, null,
            DEFAULT_LIMIT);

    public DeliveryFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public DeliveryFilter withAfter(Long id) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, until, id, limit);
    }

    public DeliveryFilter withLimit(int max) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, until, after, max);
    }

    public DeliveryFilter withEndpoint(String glob) {
        return new DeliveryFilter(glob, vendor, type, statuses, since, until, after, limit);
    }

    public DeliveryFilter withVendor(String glob) {
        return new DeliveryFilter(endpoint, glob, type, statuses, since, until, after, limit);
    }

    public DeliveryFilter withType(String glob) {
        return new DeliveryFilter(endpoint, vendor, glob, statuses, since, until, after, limit);
    }

    public DeliveryFilter withStatuses(Set<DeliveryStatus> any) {
        return new DeliveryFilter(endpoint, vendor, type, any, since, until, after, limit);
    }

    public DeliveryFilter withSince(Instant from) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, from, until, after, limit);
    }

    public DeliveryFilter withUntil(Instant to) {
        return new DeliveryFilter(endpoint, vendor, type, statuses, since, to, after, limit);
    }
}
