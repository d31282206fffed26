package dev.hookyard.plugin.httpforward;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The start of an error response's body, for the failure message: enough to see {@code invalid_payload} or a
 * short error JSON, never a whole HTML page in the log. At most {@link #MAX_CHARS} characters, on one line.
 */
final class ResponseExcerpt {

    static final int MAX_CHARS = 200;

    /** Read at most this much of the body: the rest is not wanted and may be huge. */
    private static final int MAX_BYTES = 1024;

    private static final Pattern CONTROL_OR_SPACE_RUN = Pattern.compile("[\\p{Cntrl}\\s]+");

    private ResponseExcerpt() {
    }

    /** Reads the start of the body; an unreadable body gives an empty excerpt. */
    static String read(InputStream body) {
        try (body) {
            return of(new String(body.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    /** The text on one line, cut to {@link #MAX_CHARS} characters with "..." when longer. */
    static String of(String text) {
        String line = CONTROL_OR_SPACE_RUN.matcher(text).replaceAll(" ").strip();
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "...";
    }
}
