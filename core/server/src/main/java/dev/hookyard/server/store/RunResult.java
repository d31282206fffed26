package dev.hookyard.server.store;

import java.time.Instant;

/** The outcome of one attempt, as recorded in the store. */
public sealed interface RunResult {

    /**
     * The name metrics and traces give an attempt that ended so: {@code timeout} if its call ran past the handler's
     * timeout, else {@code done}, {@code dropped}, {@code retry} or {@code dead}.
     */
    static String outcomeName(RunResult result, boolean timedOut) {
        if (timedOut) {
            return "timeout";
        }
        if (result instanceof Done) {
            return "done";
        } else if (result instanceof Dropped) {
            return "dropped";
        } else if (result instanceof RetryAt) {
            return "retry";
        } else if (result instanceof Dead) {
            return "dead";
        }
        throw new IllegalArgumentException("unknown run result " + result);
    }

    /** Whether the attempt failed (to be tried again, or for good). */
    static boolean failed(RunResult result) {
        return result instanceof RetryAt || result instanceof Dead;
    }

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
