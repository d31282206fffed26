package dev.hookyard.server.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's sessions, in memory (a restart signs everyone out). A session id is 32 random bytes; only its
 * SHA-256 is kept as the key, so the table holds nothing a cookie could be rebuilt from, and a lookup by hash does not
 * reveal the id through timing. Sessions end after {@link #LIFETIME}; at most {@link #MAX_SESSIONS} are kept, the
 * oldest dropped first.
 */
final class ConsoleSessions {

    static final Duration LIFETIME = Duration.ofHours(12);
    static final int MAX_SESSIONS = 256;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, ConsoleSession> byIdHash = new LinkedHashMap<>();

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session; the result holds the id for the cookie (shown nowhere else). */
    synchronized NewSession create() {
        String id = randomToken();
        ConsoleSession session = new ConsoleSession(randomToken(), clock.instant().plus(LIFETIME));
        if (byIdHash.size() >= MAX_SESSIONS) {
            byIdHash.remove(byIdHash.keySet().iterator().next());
        }
        byIdHash.put(hash(id), session);
        return new NewSession(id, session);
    }

    /** The live session with this cookie value. */
    synchronized Optional<ConsoleSession> find(String id) {
        if (id == null || id.length() > 100) {
            return Optional.empty();
        }
        String key = hash(id);
        ConsoleSession session = byIdHash.get(key);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expires())) {
            byIdHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    synchronized void end(String id) {
        if (id != null) {
            byIdHash.remove(hash(id));
        }
    }

    /** A session just made, with the id its cookie carries. */
    record NewSession(String id, ConsoleSession session) {
        @Override
        public String toString() {
            return "NewSession[" + session + "]";
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
