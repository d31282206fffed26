package dev.hookyard.vendor.falkor.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads Falkor's timestamps, which its samples write as ISO-8601 with an offset
 * ({@code 2020-10-09T14:59:06+02:00}). The records keep the raw text and offer the parsed value separately, so a
 * timestamp in another form loses nothing: it is simply not available parsed.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** The ISO-8601 offset date-time in {@code text}, or empty if it is {@code null} or in another form. */
    static Optional<OffsetDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
