package dev.hookyard.vendor.leaflink.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads LeafLink's ISO-8601 timestamps for the records' convenience accessors; package-private. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * The timestamp with its offset, e.g. {@code 2024-03-14T16:02:11.482913-07:00}; empty when absent or in another
     * form (no offset, a date only), since the raw text is kept on the record anyway.
     */
    static Optional<OffsetDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
