package dev.hookyard.vendor.falkor.events;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Where a learner stands on a pathway: the wire {@code status} of an enrolment. Every component is {@code null} when
 * the payload has no such field or an unreadable value.
 *
 * @param level     the wire {@code level}: the learner's level on the pathway
 * @param state     the wire {@code state} as sent, e.g. {@code "In Progress"}; see {@link #parsedState()}
 * @param progress  the wire {@code progress}, a percentage (a whole number, or a fraction with no fractional part)
 * @param version   the wire {@code version} of the pathway, e.g. {@code "1.2.3"}
 * @param timestamp the wire {@code timestamp} as sent: when the status last changed; see {@link #parsedTimestamp()}
 * @param joined    the wire {@code joined} as sent: when the learner enrolled; see {@link #parsedJoined()}
 */
public record EnrolmentStatus(Integer level, String state, Integer progress, String version, String timestamp,
                              String joined) {

    /** {@link #state()} as a documented value, or {@link EnrolmentState#UNKNOWN}. */
    public EnrolmentState parsedState() {
        return EnrolmentState.fromWire(state);
    }

    /** {@link #timestamp()} as a date-time, if it is ISO-8601 with an offset. */
    public Optional<OffsetDateTime> parsedTimestamp() {
        return Timestamps.parse(timestamp);
    }

    /** {@link #joined()} as a date-time, if it is ISO-8601 with an offset. */
    public Optional<OffsetDateTime> parsedJoined() {
        return Timestamps.parse(joined);
    }
}
