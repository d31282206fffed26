package dev.hookyard.server.store;

import java.util.Locale;

/** Where one handler stands with one delivery. */
public enum RunStatus {
    /** Due now or at its next-due time. */
    PENDING,
    /** Handled. */
    DONE,
    /** The handler said it can never succeed. */
    DROPPED,
    /** Attempts exhausted; kept as a dead letter for replay. */
    DEAD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
