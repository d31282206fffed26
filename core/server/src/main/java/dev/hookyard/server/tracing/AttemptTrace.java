package dev.hookyard.server.tracing;

/**
 * The span of one handler attempt: started when the attempt is, current on the handler's thread while its call runs
 * (so that {@link CurrentTraceHeaders} gives the handler its context), ended with the attempt's outcome.
 */
public interface AttemptTrace {

    /** Not traced. */
    AttemptTrace NONE = new AttemptTrace() {
        @Override
        public Scope enter() {
            return Scope.NONE;
        }

        @Override
        public void end(String outcome, boolean failed, String errorType) {
        }
    };

    /** Makes the attempt the calling thread's current trace context until the scope is closed. */
    Scope enter();

    /**
     * Ends the span.
     *
     * @param outcome   as in {@code hookyard_dispatch_outcomes_total} (see {@code RunResult.outcomeName}): done,
     *                  dropped, retry, dead, timeout; or {@link #NOT_STARTED}
     * @param failed    whether the attempt failed (retry, dead, timeout): the span's status is then an error
     * @param errorType the class of what the handler threw, or null: never its message, which may carry a URL with a
     *                  token or a response body
     */
    void end(String outcome, boolean failed, String errorType);

    /** The outcome of an attempt the handler's runner refused to start (it is stopping); the run stays pending. */
    String NOT_STARTED = "not_started";

    /** A current trace context, undone by {@link #close()} on the thread that entered it. */
    interface Scope extends AutoCloseable {
        Scope NONE = () -> {
        };

        @Override
        void close();
    }
}
