package dev.hookyard.fuzz;

import java.time.Instant;

/** The timestamp window of the references, read leniently so that the window alone decides. */
final class Tolerances {

    private Tolerances() {
    }

    /**
     * Whether {@code text}, stripped of any whitespace or control characters around it and read as
     * {@link Long#parseLong} reads it (signs and non-ASCII digits too), is a Unix time no more than
     * {@code pastSeconds} before and {@code futureSeconds} after {@code now}.
     */
    static boolean within(String text, Instant now, long pastSeconds, long futureSeconds) {
        long seconds;
        try {
            seconds = Long.parseLong(Authenticity.stripLoosely(text));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = now.getEpochSecond() - seconds;
        return age <= pastSeconds && -age <= futureSeconds;
    }
}
