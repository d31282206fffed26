package dev.hookyard.server.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Deliveries accepted and refused (by reason) per minute over the last hour, in memory: a ring of per-minute
 * counters, for the console's chart. It starts empty at every start of the server and is this node's own count
 * (the store keeps no refusals). Counting is an array increment; a minute's slot is cleared when it is reused.
 */
public final class MinuteCounts {

    /** Minutes kept, the current one included. */
    public static final int MINUTES = 60;

    private final Clock clock;
    private final List<String> reasons;
    private final Map<String, Integer> columns = new HashMap<>();
    /** One row per slot: [accepted, reason 0, reason 1, ...]. */
    private final AtomicLongArray counts;
    /** The epoch minute each slot holds. */
    private final long[] minuteOfSlot = new long[MINUTES];
    private final int width;

    /** @param reasons every refusal reason code that can be counted (a fixed set); others count as the last */
    public MinuteCounts(Clock clock, List<String> reasons) {
        this.clock = clock;
        this.reasons = List.copyOf(reasons);
        for (int i = 0; i < this.reasons.size(); i++) {
            columns.put(this.reasons.get(i), i + 1);
        }
        width = this.reasons.size() + 1;
        counts = new AtomicLongArray(MINUTES * width);
        java.util.Arrays.fill(minuteOfSlot, Long.MIN_VALUE);
    }

    public void accepted() {
        add(0);
    }

    public void refused(String reason) {
        Integer column = columns.get(reason);
        if (column != null) {
            add(column);
        }
    }

    private void add(int column) {
        long minute = clock.millis() / 60_000;
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        if (minuteOfSlot[slot] != minute) {
            reuse(slot, minute);
        }
        counts.incrementAndGet(slot * width + column);
    }

    private synchronized void reuse(int slot, long minute) {
        if (minuteOfSlot[slot] != minute) {
            for (int i = 0; i < width; i++) {
                counts.set(slot * width + i, 0);
            }
            minuteOfSlot[slot] = minute;
        }
    }

    /**
     * One minute's counts.
     *
     * @param start    the minute's first instant
     * @param accepted deliveries accepted
     * @param refused  refusals by reason, only reasons that occurred
     */
    public record Minute(Instant start, long accepted, Map<String, Long> refused) {
        public long refusedTotal() {
            return refused.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The last {@link #MINUTES} minutes, oldest first, the current one last. */
    public synchronized List<Minute> lastHour() {
        long now = clock.millis() / 60_000;
        List<Minute> minutes = new ArrayList<>(MINUTES);
        for (long minute = now - MINUTES + 1; minute <= now; minute++) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            Map<String, Long> refused = new LinkedHashMap<>();
            long accepted = 0;
            if (minuteOfSlot[slot] == minute) {
                accepted = counts.get(slot * width);
                for (int i = 0; i < reasons.size(); i++) {
                    long n = counts.get(slot * width + i + 1);
                    if (n > 0) {
                        refused.put(reasons.get(i), n);
                    }
                }
            }
            minutes.add(new Minute(Instant.ofEpochMilli(minute * 60_000), accepted, Map.copyOf(refused)));
        }
        return minutes;
    }
}
