package dev.hookyard.server.activity;

import java.time.Instant;

/**
 * What the live tail shows of one request to an endpoint. It carries names, ids and fixed codes only: never a
 * header value, a secret or a body (a refused body is not even read into it).
 */
public sealed interface TailEvent {

    Instant at();

    String endpoint();

    /**
     * A delivery stored and answered 200.
     *
     * @param id       store id
     * @param handlers how many handler runs its routes selected
     */
    record Accepted(Instant at, String endpoint, String vendor, String eventType, long id, int handlers)
            implements TailEvent {
    }

    /**
     * A request refused, by a verification reason or a limit.
     *
     * @param reason a fixed reason code ({@code mismatch}, {@code rate_limited}, ...)
     * @param client the client's address as the listener saw it, or {@code unknown}
     */
    record Refused(Instant at, String endpoint, String reason, String client) implements TailEvent {
    }
}
