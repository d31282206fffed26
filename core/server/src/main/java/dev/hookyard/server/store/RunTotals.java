package dev.hookyard.server.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the handlers owe and gave up on, across the whole store: for the console's overview.
 *
 * @param byHandler     handler name (sorted) to its runs counted by status (statuses without runs left out)
 * @param oldestPending when the oldest delivery still pending was received, if any is
 */
public record RunTotals(Map<String, Map<RunStatus, Long>> byHandler, Optional<Instant> oldestPending) {
    public RunTotals {
        byHandler = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byHandler));
    }

    /** The runs of {@code handler} in {@code status}. */
    public long count(String handler, RunStatus status) {
        return byHandler.getOrDefault(handler, Map.of()).getOrDefault(status, 0L);
    }
}
