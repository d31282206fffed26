package dev.hookyard.plugin.outboundhttp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Retry-After} value: delay-seconds ({@code 120}) or an HTTP-date
 * ({@code Wed, 21 Oct 2015 07:28:00 GMT}). Delays are capped at {@link #MAX_DELAY}: a server asking for more is
 * more likely misconfigured than right, and the handler's retry policy still bounds the attempts.
 */
public final class RetryAfterHeader {

    public static final Duration MAX_DELAY = Duration.ofHours(24);

    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private RetryAfterHeader() {
    }

    /**
     * The delay the value asks for, counted from {@code now} for a date (a date in the past is no delay).
     *
     * @return empty if the value is neither form, so the caller falls back to its own backoff
     */
    public static Optional<Duration> delay(String value, Instant now) {
        String text = value.strip();
        Duration delay;
        if (SECONDS.matcher(text).matches()) {
            // More digits than a long holds is far beyond the cap anyway.
            delay = text.length() > 18 ? MAX_DELAY : Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                delay = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }
}
