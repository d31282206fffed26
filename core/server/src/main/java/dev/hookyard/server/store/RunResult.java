package dev.hookyard.server.store;

import java.time.Instant;

/** The outcome of one attempt, as recorded in the store. */
public sealed interface RunResult {

    /** Handled; the run is finished. */
    record Done() implements RunResult {
    }

    /** Failed; try again at {@code nextDue}. */
    record RetryAt(Instant nextDue, String error) implements RunResult {
    }

    /** Failed for good (attempts exhausted, or the handler is gone): a dead letter. */
    record Dead(String error) implements RunResult {
    }

    /** The handler chose to drop the event. */
    record Dropped(String reason) implements RunResult {
    }
}
