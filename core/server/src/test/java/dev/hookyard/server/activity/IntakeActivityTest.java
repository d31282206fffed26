package dev.hookyard.server.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.SettableClock;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the listener reports, with and without somebody watching the live tail, and the per-minute counts. */
class IntakeActivityTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T10:00:30Z"));

    @Test
    void withNobodyWatchingNoEventIsBuiltAndNoClientAddressResolved() throws Exception {
        LiveTail tail = new LiveTail(2);
        IntakeActivity activity = new IntakeActivity(clock, new MinuteCounts(clock, List.of("mismatch")), tail);
        AtomicInteger resolved = new AtomicInteger();
        Supplier<InetAddress> client = () -> {
            resolved.incrementAndGet();
            return InetAddress.getLoopbackAddress();
        };

        assertFalse(tail.watched());
        activity.refused("least", "mismatch", client);
        activity.accepted("least", "least", "record.created", 1, 1);
        assertEquals(0, resolved.get(), "nobody watches: the client address is never looked up");

        LiveTail.Subscription viewer = tail.subscribe().orElseThrow();
        assertTrue(tail.watched());
        activity.refused("least", "mismatch", client);
        assertEquals(1, resolved.get());
        TailEvent.Refused refused = assertInstanceOf(TailEvent.Refused.class,
                assertInstanceOf(LiveTail.Next.Event.class, viewer.next(1000)).event());
        assertEquals("127.0.0.1", refused.client());
        assertEquals("mismatch", refused.reason());
        assertInstanceOf(LiveTail.Next.Idle.class, viewer.next(1), "the events before it subscribed are not kept");

        viewer.close();
        assertFalse(tail.watched());
        activity.refused("least", "mismatch", client);
        assertEquals(1, resolved.get(), "after the last viewer left, nothing is built again");

        assertEquals(1, activity.minutes().lastHour().get(59).accepted(), "counted whether watched or not");
        assertEquals(Map.of("mismatch", 3L), activity.minutes().lastHour().get(59).refused());
    }

    @Test
    void aSlowViewerLosesTheOldestEventsAndIsToldHowMany() throws Exception {
        LiveTail tail = new LiveTail(1);
        LiveTail.Subscription viewer = tail.subscribe().orElseThrow();
        for (int i = 1; i <= LiveTail.QUEUE + 5; i++) {
            tail.publish(new TailEvent.Accepted(clock.instant(), "least", "least", "record.created", i, 1));
        }
        LiveTail.Next.Event first = assertInstanceOf(LiveTail.Next.Event.class, viewer.next(1000));
        assertEquals(5, first.missed());
        assertEquals(6, ((TailEvent.Accepted) first.event()).id());
        assertEquals(0, assertInstanceOf(LiveTail.Next.Event.class, viewer.next(1000)).missed());
    }

    @Test
    void viewersAreBoundedAndAllEndWhenTheTailCloses() throws Exception {
        LiveTail tail = new LiveTail(2);
        LiveTail.Subscription one = tail.subscribe().orElseThrow();
        LiveTail.Subscription two = tail.subscribe().orElseThrow();
        assertTrue(tail.subscribe().isEmpty(), "a third viewer is refused");
        one.close();
        LiveTail.Subscription three = tail.subscribe().orElseThrow();
        tail.close();
        assertInstanceOf(LiveTail.Next.Ended.class, two.next(1000));
        assertInstanceOf(LiveTail.Next.Ended.class, three.next(1000));
        assertTrue(tail.subscribe().isEmpty());
    }

    @Test
    void minuteCountsKeepTheLastHourAndClearAReusedMinute() {
        MinuteCounts counts = new MinuteCounts(clock, List.of("mismatch", "rate_limited"));
        counts.accepted();
        counts.refused("mismatch");
        counts.refused("not_a_known_reason");
        clock.advance(java.time.Duration.ofMinutes(1));
        counts.accepted();
        counts.accepted();

        List<MinuteCounts.Minute> hour = counts.lastHour();
        assertEquals(MinuteCounts.MINUTES, hour.size());
        assertEquals(Instant.parse("2026-01-01T10:01:00Z"), hour.get(59).start());
        assertEquals(2, hour.get(59).accepted());
        assertEquals(1, hour.get(58).accepted());
        assertEquals(Map.of("mismatch", 1L), hour.get(58).refused(), "an unknown reason is not counted");

        clock.advance(java.time.Duration.ofMinutes(60)); // 10:01 + 60 min reuses the slot of 10:01
        counts.refused("rate_limited");
        hour = counts.lastHour();
        assertEquals(0, hour.get(59).accepted(), "the slot's old minute was cleared");
        assertEquals(Map.of("rate_limited", 1L), hour.get(59).refused());
        assertEquals(0, hour.stream().mapToLong(MinuteCounts.Minute::accepted).sum(), "older than an hour: gone");
    }
}
