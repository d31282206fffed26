package dev.hookyard.testkit.plugin;

/**
 * Where the handler stands with one delivery in the receiver, as its store records it after the first attempt.
 *
 * @param state     what came of it
 * @param attempts  how many attempts were made
 * @param lastError the last failure or drop reason the store recorded, or {@code null} when there was none
 */
public record HandlerRun(State state, int attempts, String lastError) {

    /** What came of a delivery for the handler. */
    public enum State {
        /** Handled ({@code Outcome.done()}). */
        DONE,
        /** Given up by the handler ({@code Outcome.drop(reason)}). */
        DROPPED,
        /** Failed or asked to be retried ({@code Outcome.retryAfter} or an exception); to be tried again. */
        RETRYING,
        /** Failed every attempt its retry policy allows; kept as a dead letter. */
        DEAD
    }
}
