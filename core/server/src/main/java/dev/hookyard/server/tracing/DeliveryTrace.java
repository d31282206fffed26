package dev.hookyard.server.tracing;

/**
 * The trace of one request to an endpoint: its receive span, open until the answer is sent, and the spans of the
 * stages it goes through. Called from the request's thread and, for the commit, from the store's; each stage is
 * called by one thread at a time.
 */
public interface DeliveryTrace {

    /** Not traced. */
    DeliveryTrace NONE = new DeliveryTrace() {
        @Override
        public Stage stage(String name) {
            return Stage.NONE;
        }

        @Override
        public void refused(String reason) {
        }

        @Override
        public void eventType(String type) {
        }

        @Override
        public void stored(long deliveryId, boolean handlersOwed) {
        }

        @Override
        public void end(int status) {
        }
    };

    /** Starts a stage's span ({@link #VERIFY}, {@link #PARSE}, {@link #COMMIT}) under the receive span. */
    Stage stage(String name);

    /** The request was refused, for this reason code (the one of {@code hookyard_rejections_total}). */
    void refused(String reason);

    /** The delivery parsed as an event of this type. */
    void eventType(String type);

    /**
     * The store has the delivery under this id (new, or already as a duplicate); when handler runs were stored with
     * it, their attempts will link to this trace.
     */
    void stored(long deliveryId, boolean handlersOwed);

    /** Ends the receive span with the answer's HTTP status. */
    void end(int status);

    String VERIFY = "hookyard.verify";
    String PARSE = "hookyard.parse";
    String COMMIT = "hookyard.commit";

    /** One stage's span. */
    interface Stage {

        /** Not traced. */
        Stage NONE = (outcome, reason) -> {
        };

        /** Ends the stage with how it went (e.g. {@code verified}, {@code rejected}). */
        default void end(String outcome) {
            end(outcome, null);
        }

        /** As above, with the reason code of a refusal (null if none). */
        void end(String outcome, String reason);
    }
}
