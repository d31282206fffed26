package dev.hookyard.server.inspect;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times and ages operators type: an age such as {@code 30d}, {@code 12h}, {@code 15m}, {@code 90s},
 * {@code 2w} or ISO-8601 {@code PT1H}; a moment as an ISO instant ({@code 2024-05-01T10:00:00Z}), a date-time with
 * an offset, or a date or date-time without one (taken as UTC).
 */
public final class TimeArguments {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d|w)");

    private TimeArguments() {
    }

    /** An age; throws {@link IllegalArgumentException} with a message saying what is accepted. */
    public static Duration duration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = AGE.matcher(trimmed);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        if (trimmed.startsWith("p")) {
            try {
                Duration parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (DateTimeException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + shorten(text) + "' is not an age: write e.g. 30d, 12h, 15m, 90s,"
                + " 2w or PT1H");
    }

    /** A moment, or an age meaning that long before {@code now}. */
    public static Instant instantOrAge(String text, Instant now) {
        String trimmed = text.trim();
        try {
            return now.minus(duration(trimmed));
        } catch (IllegalArgumentException notAnAge) {
            // try the moment forms
        }
        try {
            return Instant.parse(trimmed);
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is neither a time nor an age: write e.g."
                    + " 2024-05-01T10:00:00Z, 2024-05-01 (UTC), or 2h for two hours ago");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
