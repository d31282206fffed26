package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.plugin.outboundhttp.RetryAfterHeader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One HTTP response, read whole (Absorb's records and error bodies are small).
 *
 * @param status     the status code
 * @param body       the body bytes (not copied: built for this one answer)
 * @param retryAfter the {@code Retry-After} header, if sent
 */
record HttpAnswer(int status, byte[] body, Optional<String> retryAfter) {

    /** How much of an error body goes into a message: enough for Absorb's error JSON, never a whole page. */
    static final int MAX_EXCERPT_CHARS = 200;

    private static final Pattern CONTROL_OR_SPACE_RUN = Pattern.compile("[\\p{Cntrl}\\s]+");

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * Why a non-2xx answer failed: a {@link ThrottledException} for 429 or 503 with a readable {@code Retry-After},
     * otherwise a {@link CallFailedException} with the status and the start of the body.
     *
     * @param call what was called, for the message (never a secret)
     */
    IOException failure(String call, Instant now) {
        if (status == 429 || status == 503) {
            Optional<ThrottledException> throttled = retryAfter.flatMap(value -> RetryAfterHeader.delay(value, now))
                    .map(delay -> new ThrottledException(call + " answered " + status, delay));
            if (throttled.isPresent()) {
                return throttled.get();
            }
        }
        String excerpt = excerpt();
        return new CallFailedException(call + " answered " + status + (excerpt.isEmpty() ? "" : ": " + excerpt));
    }

    /** The start of the body on one line, at most {@link #MAX_EXCERPT_CHARS} characters. */
    String excerpt() {
        String line = CONTROL_OR_SPACE_RUN.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll(" ").strip();
        return line.length() <= MAX_EXCERPT_CHARS ? line : line.substring(0, MAX_EXCERPT_CHARS) + "...";
    }
}
