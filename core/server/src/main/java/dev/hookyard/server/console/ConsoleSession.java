package dev.hookyard.server.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A signed-in browser: the token every state-changing form must send back, and when the session ends.
 *
 * @param csrfToken random, per session; sent in each form, never in a cookie
 * @param expires   the end of the session, whatever its use
 */
record ConsoleSession(String csrfToken, Instant expires) {

    /** Whether {@code presented} is this session's CSRF token, compared in constant time. */
    boolean acceptsCsrf(String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ConsoleSession[expires=" + expires + "]";
    }
}
