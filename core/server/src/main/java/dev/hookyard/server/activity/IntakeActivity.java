package dev.hookyard.server.activity;

import java.net.InetAddress;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Where the delivery listener reports each delivery it accepts and each request it refuses, for the console: the
 * per-minute counts of the overview and the live tail. The tail's event, and the client address it shows, are only
 * built while somebody watches.
 */
public final class IntakeActivity {

    private final Clock clock;
    private final MinuteCounts minutes;
    private final LiveTail tail;

    public IntakeActivity(Clock clock, MinuteCounts minutes, LiveTail tail) {
        this.clock = clock;
        this.minutes = minutes;
        this.tail = tail;
    }

    /** Reports nothing anywhere: for listeners built without a console (tests). */
    public static IntakeActivity ignored(Clock clock) {
        return new IntakeActivity(clock, new MinuteCounts(clock, java.util.List.of()), new LiveTail(0));
    }

    public MinuteCounts minutes() {
        return minutes;
    }

    public LiveTail tail() {
        return tail;
    }

    public void accepted(String endpoint, String vendor, String eventType, long id, int handlers) {
        minutes.accepted();
        if (tail.watched()) {
            tail.publish(new TailEvent.Accepted(clock.instant(), endpoint, vendor, eventType, id, handlers));
        }
    }

    /** @param client resolved only while somebody watches the tail */
    public void refused(String endpoint, String reason, Supplier<InetAddress> client) {
        minutes.refused(reason);
        if (tail.watched()) {
            InetAddress address = client.get();
            tail.publish(new TailEvent.Refused(clock.instant(), endpoint, reason,
                    address == null ? "unknown" : address.getHostAddress()));
        }
    }
}
